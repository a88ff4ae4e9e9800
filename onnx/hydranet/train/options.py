"""TrainOptions: one training run's knobs, validated once; the defaults and loss weights live here."""

import math
from dataclasses import asdict, dataclass, field

from ..config import BACKBONES, DEFAULT_STRIDE, STRIDES

DEFAULT_BATCH = 8
DEFAULT_LEARNING_RATE = 1e-3  # Adam, from scratch (no pretrained backbone)
DEFAULT_THREADS = 2           # the development machine and CI have 2 cores
DEFAULT_CHECKPOINT_EVERY = 100
DEFAULT_MAX_OBJECTS = 32      # K of the exported objects output
SCHEDULES = ("cosine", "constant")
# Linear warm-up then cosine decay to LR_FLOOR of the peak: from scratch, Adam at the full rate in the first steps
# (heads still at their priors) diverged the size head in short runs; the decay is what settles the maps at the end.
DEFAULT_SCHEDULE = "cosine"
DEFAULT_WARMUP_STEPS = 200
LR_FLOOR = 0.02
DEFAULT_VALIDATE_EVERY = 1000  # steps between validation passes (and at the end); 0: never
# CenterNet's weights for heat (1) and offset (1). Size and both depths are log errors (relative, on the scale of the
# other terms): weight 1. (With size L1 in cells, CenterNet's 0.1 on pixels let the shared trunk's heat gradient push
# size up in short runs, 2 of 6 seeds on the test set; 1 kept it down.)
# The bottom edge's relative error is a few per cent where the others are tenths: weight 2 (issue 12's fourth model).
DEFAULT_LOSS_WEIGHTS = {"lanes": 1.0, "drivable": 1.0, "depth": 1.0, "heat": 1.0, "offset": 1.0, "size": 1.0,
                        "obj_depth": 1.0, "solid_lines": 1.0, "bottom": 2.0}


@dataclass(frozen=True)
class TrainOptions:
    variant: str = "tiny"
    stride: int = 0          # 0: the variant's default (config.DEFAULT_STRIDE)
    steps: int = 0           # step budget; 0 with epochs > 0: epochs x steps per epoch
    epochs: int = 0
    batch: int = DEFAULT_BATCH
    learning_rate: float = DEFAULT_LEARNING_RATE
    seed: int = 0
    threads: int = DEFAULT_THREADS
    checkpoint_every: int = DEFAULT_CHECKPOINT_EVERY
    max_objects: int = DEFAULT_MAX_OBJECTS
    loss_weights: dict = field(default_factory=lambda: dict(DEFAULT_LOSS_WEIGHTS))
    schedule: str = DEFAULT_SCHEDULE
    warmup_steps: int = DEFAULT_WARMUP_STEPS
    flip: bool = True        # mirror half the images left-right (seeded per step): the rig's cameras are not symmetric
    validate_every: int = DEFAULT_VALIDATE_EVERY

    def __post_init__(self):
        if self.variant not in BACKBONES:
            raise ValueError(f"variant must be one of {BACKBONES}, got {self.variant!r}")
        if self.stride not in (0,) + STRIDES:
            raise ValueError(f"stride must be one of {STRIDES}, got {self.stride}")
        if (self.steps > 0) == (self.epochs > 0) or self.steps < 0 or self.epochs < 0:
            raise ValueError(f"give exactly one budget, steps > 0 or epochs > 0; got steps {self.steps}, "
                             f"epochs {self.epochs}")
        for name in ("batch", "threads", "checkpoint_every", "max_objects"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be >= 1, got {getattr(self, name)}")
        if self.schedule not in SCHEDULES:
            raise ValueError(f"schedule must be one of {SCHEDULES}, got {self.schedule!r}")
        for name in ("warmup_steps", "validate_every"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0, got {getattr(self, name)}")
        if not self.learning_rate > 0:
            raise ValueError(f"learning_rate must be > 0, got {self.learning_rate}")
        if set(self.loss_weights) != set(DEFAULT_LOSS_WEIGHTS) or any(w < 0 for w in self.loss_weights.values()):
            raise ValueError(f"loss_weights must give a weight >= 0 for each of {sorted(DEFAULT_LOSS_WEIGHTS)}, "
                             f"got {self.loss_weights}")

    @property
    def output_stride(self) -> int:
        return self.stride or DEFAULT_STRIDE[self.variant]

    def learning_rate_at(self, step: int, total_steps: int) -> float:
        """The rate for the update that makes step + 1 (0-based step): a pure function, so a resumed run follows
        the same curve (given the same budget)."""
        if self.schedule == "constant":
            return self.learning_rate
        if step < self.warmup_steps:
            return self.learning_rate * (step + 1) / self.warmup_steps
        span = max(total_steps - self.warmup_steps, 1)
        progress = min((step - self.warmup_steps) / span, 1.0)
        return self.learning_rate * (LR_FLOOR + (1 - LR_FLOOR) * 0.5 * (1 + math.cos(math.pi * progress)))

    def as_dict(self) -> dict:
        return asdict(self)

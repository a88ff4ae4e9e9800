"""The knobs of one HydraNet build, validated once, shared by the model, the export CLI and the tests."""

from dataclasses import dataclass

CONTRACT_VERSION = 1
BACKBONES = ("tiny", "r18", "r34", "r50")
STRIDES = (4, 8)
# tiny is cheap enough for stride 4 (finer maps for small objects); the ResNets default to 8 so that their heads,
# at 4x the cells with 64+ channels, do not dominate the cost of a large input.
DEFAULT_STRIDE = {"tiny": 4, "r18": 8, "r34": 8, "r50": 8}
DEFAULT_CLASSES = ("vehicle", "pedestrian", "cyclist")
# Output order of the exported graph; also the value of the `octopilot.heads` metadata key. solid_lines came after
# contract v1's first four heads and is appended so their output indices stay where they were.
HEAD_NAMES = ("lanes", "drivable", "depth", "objects", "solid_lines")
INPUT_NAME = "images"

# H and W must be multiples of the deepest backbone stride so that every FPN level is an exact 2x of the next
# (nearest upsampling then lines up cell for cell and no level needs cropping).
BACKBONE_MAX_STRIDE = 32

# Neck (FPN) and head widths per backbone. tiny is sized for 8 cameras on 2 CPU cores (the simulator and CI);
# its 8-channel heads keep the stride-4 work, which dominates its cost, near 0.14 GMAC per image. The ResNets use
# the usual FPN width for their depth and CenterNet's 64-channel heads.
NECK_CHANNELS = {"tiny": 16, "r18": 128, "r34": 128, "r50": 256}
HEAD_CHANNELS = {"tiny": 8, "r18": 64, "r34": 64, "r50": 64}
# The object head's trunk (3x3 conv + ReLU layers shared by heat, offset, size and depth) per backbone. tiny's first
# trained model had one 8-channel layer like its map heads and could not separate cars from the road well enough
# (recall 0.53 at precision 0.63 within 40 m, box sizes a cell off): the maps need little, the boxes need more.
# Two 24-channel layers cost about 60 MMAC per image at stride 4 (0.14 -> 0.20 GMAC) and keep 8 cameras in the
# simulator's real-time budget on 2 cores. The ResNets keep CenterNet's one 64-channel layer.
OBJECT_HEAD = {"tiny": (24, 2), "r18": (64, 1), "r34": (64, 1), "r50": (64, 1)}  # (channels, layers)


@dataclass(frozen=True)
class HydraConfig:
    """One model build. Immutable; every rule is checked in __post_init__ so a bad build fails before export."""

    backbone: str = "tiny"
    height: int = 288
    width: int = 384
    stride: int = 4
    max_objects: int = 32
    classes: tuple = DEFAULT_CLASSES

    def __post_init__(self):
        if self.backbone not in BACKBONES:
            raise ValueError(f"backbone must be one of {BACKBONES}, got {self.backbone!r}")
        if self.stride not in STRIDES:
            raise ValueError(f"stride must be one of {STRIDES}, got {self.stride}")
        for name, value in (("height", self.height), ("width", self.width)):
            if value <= 0 or value % BACKBONE_MAX_STRIDE != 0:
                raise ValueError(f"{name} must be a positive multiple of {BACKBONE_MAX_STRIDE} "
                                 f"(the deepest backbone stride), got {value}")
        if not self.classes:
            raise ValueError("classes must not be empty")
        for name in self.classes:
            if not name or "," in name or name != name.strip():
                raise ValueError(f"class names must be non-empty, without commas or surrounding spaces, got {name!r}")
        if len(set(self.classes)) != len(self.classes):
            raise ValueError(f"class names must be unique, got {self.classes}")
        candidates = len(self.classes) * self.grid_height * self.grid_width
        if not 1 <= self.max_objects <= candidates:
            raise ValueError(f"max_objects must be in [1, classes x cells = {candidates}], got {self.max_objects}")

    @property
    def grid_height(self) -> int:
        return self.height // self.stride

    @property
    def grid_width(self) -> int:
        return self.width // self.stride

    @property
    def neck_channels(self) -> int:
        return NECK_CHANNELS[self.backbone]

    @property
    def head_channels(self) -> int:
        return HEAD_CHANNELS[self.backbone]

    @property
    def object_head_channels(self) -> int:
        return OBJECT_HEAD[self.backbone][0]

    @property
    def object_head_layers(self) -> int:
        return OBJECT_HEAD[self.backbone][1]

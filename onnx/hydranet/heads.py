"""Task heads on the FPN map. Each returns its final activation, so every output is in the contract's units."""

import torch
import torch.nn.functional as F
from torch import nn

from .init import kaiming_convs_

# CenterNet (Zhou et al. 2019) heatmap prior: sigmoid(-2.19) = 0.1, so an untrained detector starts
# near "no object" everywhere instead of at 0.5.
HEATMAP_PRIOR_BIAS = -2.19
HEAT_WEIGHT_STD = 0.01
# Depth in metres = DEPTH_MIN_M + DEPTH_SCALE_M * softplus(x). The floor keeps depth strictly positive even when
# softplus underflows to 0 in float32; the scale puts x = 0 at about 7 m, mid-range for a road scene.
DEPTH_MIN_M = 0.1
DEPTH_SCALE_M = 10.0
# Box size in input pixels = SIZE_MIN_PX + (SIZE_SCALE_CELLS * S) * softplus(x): at least one pixel, and x = 0 gives
# a few output cells, the scale of a distant car.
SIZE_MIN_PX = 1.0
SIZE_SCALE_CELLS = 4.0


def positive(x: torch.Tensor, minimum: float, scale: float) -> torch.Tensor:
    return minimum + scale * F.softplus(x)


class MapHead(nn.Module):
    """3x3 conv + ReLU + 1x1 conv: the CenterNet head shape."""

    def __init__(self, in_ch: int, hidden: int, out_ch: int):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(in_ch, hidden, 3, padding=1), nn.ReLU(inplace=True))
        self.out = nn.Conv2d(hidden, out_ch, 1)
        kaiming_convs_(self)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.body(x))


class ProbabilityHead(MapHead):
    """lanes, drivable, solid_lines: [N,1,h,w] probability."""

    def __init__(self, in_ch: int, hidden: int):
        super().__init__(in_ch, hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(super().forward(x))


class DepthHead(MapHead):
    """depth: [N,1,h,w] metres along the camera z axis, > 0."""

    def __init__(self, in_ch: int, hidden: int):
        super().__init__(in_ch, hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return positive(super().forward(x), DEPTH_MIN_M, DEPTH_SCALE_M)


class ObjectHead(nn.Module):
    """CenterNet-style object maps: heat [N,C,h,w] probability, offset [N,2,h,w] in cells (0..1), size [N,2,h,w]
    (w, h) in input pixels, depth [N,1,h,w] metres. One shared trunk of `layers` 3x3 conv + ReLU, one 1x1 per
    quantity.

    The trunk also reads two constant channels, the cell's column and row scaled to [-1, 1] (CoordConv, Liu et al.
    2018). On a flat road a car's range follows from the image row of its ground contact (and the camera's pose), but
    convolutions are translation-invariant: without the row the object depth had to come from the box's apparent size
    alone. They are added to a zero slice of the input rather than expanded, so the exported graph keeps its symbolic
    batch axis through shape inference."""

    COORD_CHANNELS = 2

    def __init__(self, in_ch: int, hidden: int, num_classes: int, stride: int, layers: int = 1,
                 grid: tuple = (1, 1)):
        super().__init__()
        if layers < 1:
            raise ValueError(f"the object head needs at least one trunk layer, got {layers}")
        self.size_scale_px = SIZE_SCALE_CELLS * stride
        grid_h, grid_w = grid
        rows = torch.linspace(-1.0, 1.0, grid_h).view(1, 1, grid_h, 1).expand(1, 1, grid_h, grid_w)
        cols = torch.linspace(-1.0, 1.0, grid_w).view(1, 1, 1, grid_w).expand(1, 1, grid_h, grid_w)
        # Not in the state dict: a function of the grid, not a weight (checkpoints stay loadable across grid sizes).
        self.register_buffer("coords", torch.cat([cols, rows], dim=1).contiguous(), persistent=False)
        trunk = []
        for index in range(layers):
            inputs = in_ch + self.COORD_CHANNELS if index == 0 else hidden
            trunk += [nn.Conv2d(inputs, hidden, 3, padding=1), nn.ReLU(inplace=True)]
        self.trunk = nn.Sequential(*trunk)
        self.heat = nn.Conv2d(hidden, num_classes, 1)
        self.offset = nn.Conv2d(hidden, 2, 1)
        self.size = nn.Conv2d(hidden, 2, 1)
        self.depth = nn.Conv2d(hidden, 1, 1)
        kaiming_convs_(self)
        # The heat logits start small so the prior bias decides them (RetinaNet's rule for its classifier: sigma 0.01).
        # He-normal here gave logits of +-10s on a warm-started backbone's features: scores near 1 everywhere, a focal
        # loss of ~3,000 in the first steps, and gradients that damaged the trained backbone before the head settled.
        nn.init.normal_(self.heat.weight, std=HEAT_WEIGHT_STD)
        nn.init.constant_(self.heat.bias, HEATMAP_PRIOR_BIAS)

    def forward(self, x: torch.Tensor) -> tuple:
        if not torch.jit.is_tracing() and x.shape[-2:] != self.coords.shape[-2:]:
            raise ValueError(f"object head built for a {tuple(self.coords.shape[-2:])} grid, got {tuple(x.shape[-2:])}")
        zeros = x[:, :self.COORD_CHANNELS] * 0.0  # [N,2,h,w]: the batch axis for the constant channels
        t = self.trunk(torch.cat([x, zeros + self.coords], dim=1))
        heat = torch.sigmoid(self.heat(t))
        # Sigmoid bounds the sub-cell offset to the cell it belongs to, so a centre never leaves its peak's cell.
        offset = torch.sigmoid(self.offset(t))
        size = positive(self.size(t), SIZE_MIN_PX, self.size_scale_px)
        depth = positive(self.depth(t), DEPTH_MIN_M, DEPTH_SCALE_M)
        return heat, offset, size, depth

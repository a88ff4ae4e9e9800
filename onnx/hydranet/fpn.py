"""Feature pyramid neck (Lin et al. 2017), reduced to the one level the heads read: the output stride S."""

import torch
import torch.nn.functional as F
from torch import nn

from .init import kaiming_convs_


class Fpn(nn.Module):
    """[C2..C5] -> one map [N, channels, H/S, W/S].

    Lateral 1x1 on every level at or below the output resolution, top-down nearest 2x upsampling plus add, then a
    3x3 smoothing conv. Only the output level is smoothed: the other pyramid outputs would never be read.
    """

    def __init__(self, in_channels: tuple, in_strides: tuple, channels: int, out_stride: int):
        super().__init__()
        if out_stride not in in_strides:
            raise ValueError(f"output stride {out_stride} is not a backbone level {in_strides}")
        self.first_level = in_strides.index(out_stride)
        self.lateral = nn.ModuleList(nn.Conv2d(c, channels, 1) for c in in_channels[self.first_level:])
        self.smooth = nn.Conv2d(channels, channels, 3, padding=1)
        kaiming_convs_(self)

    def forward(self, features: list) -> torch.Tensor:
        levels = features[self.first_level:]
        x = self.lateral[-1](levels[-1])
        for lateral, feature in zip(reversed(self.lateral[:-1]), reversed(levels[:-1])):
            # Exact 2x: HydraConfig makes H and W multiples of the deepest stride.
            x = lateral(feature) + F.interpolate(x, scale_factor=2.0, mode="nearest")
        return self.smooth(x)

"""The HydraNet: preprocess -> backbone -> FPN -> four heads -> in-graph object decoding."""

import torch
from torch import nn

from .backbone import Backbone
from .config import HydraConfig
from .decode import CenterDecoder
from .fpn import Fpn
from .heads import DepthHead, ObjectHead, ProbabilityHead
from .preprocess import Preprocess


class HydraNet(nn.Module):
    """images uint8 [N,H,W,3] -> (lanes, drivable, depth, objects, solid_lines), the order of config.HEAD_NAMES."""

    def __init__(self, config: HydraConfig):
        super().__init__()
        self.config = config
        self.preprocess = Preprocess()
        self.backbone = Backbone(config.backbone)
        self.neck = Fpn(self.backbone.out_channels, self.backbone.out_strides, config.neck_channels, config.stride)
        c, hidden = config.neck_channels, config.head_channels
        self.lanes = ProbabilityHead(c, hidden)
        self.drivable = ProbabilityHead(c, hidden)
        self.depth = DepthHead(c, hidden)
        self.objects = ObjectHead(c, config.object_head_channels, len(config.classes), config.stride,
                                  config.object_head_layers, (config.grid_height, config.grid_width))
        self.decoder = CenterDecoder(len(config.classes), config.stride, config.max_objects,
                                     config.grid_height, config.grid_width)
        # Which lane paint is a solid line (the road's edge lines): the fusion marks each fitted boundary solid or
        # dashed from it. Built last so the other heads draw the same initial weights from a seed as before it.
        self.solid_lines = ProbabilityHead(c, hidden)

    def forward(self, images: torch.Tensor) -> tuple:
        features = self.neck(self.backbone(self.preprocess(images)))
        objects = self.decoder(*self.objects(features))
        return (self.lanes(features), self.drivable(features), self.depth(features), objects,
                self.solid_lines(features))


def build_model(config: HydraConfig, seed: int) -> HydraNet:
    """A freshly initialised (untrained) model in eval mode; the same seed always gives the same weights."""
    torch.manual_seed(seed)
    return HydraNet(config).eval()

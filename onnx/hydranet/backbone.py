"""ResNet-style backbones (He et al. 2016) returning C2..C5, the feature maps at strides 4, 8, 16 and 32."""

from dataclasses import dataclass

import torch
from torch import nn


@dataclass(frozen=True)
class BackboneSpec:
    block: str  # "basic" (two 3x3 convs) or "bottleneck" (1x1, 3x3, 1x1 with 4x expansion)
    blocks_per_stage: tuple  # residual blocks in each of the four stages
    widths: tuple  # inner width of each stage; output width is widths[i] * expansion
    stem_channels: int
    stem_kernel: int  # 7 for the classic ResNet stem; tiny uses 3 (a 7x7 on full-res pixels dominates its cost)


# tiny is a budget ResNet for the simulator and CI (8 cameras x 384x288 on 2 CPU cores); the rest are the
# classic torchvision layouts, r50 being the backbone of Tesla's published HydraNet.
BACKBONE_SPECS = {
    "tiny": BackboneSpec("basic", (1, 1, 1, 1), (16, 24, 48, 96), stem_channels=16, stem_kernel=3),
    "r18": BackboneSpec("basic", (2, 2, 2, 2), (64, 128, 256, 512), stem_channels=64, stem_kernel=7),
    "r34": BackboneSpec("basic", (3, 4, 6, 3), (64, 128, 256, 512), stem_channels=64, stem_kernel=7),
    "r50": BackboneSpec("bottleneck", (3, 4, 6, 3), (64, 128, 256, 512), stem_channels=64, stem_kernel=7),
}
STAGE_STRIDES = (4, 8, 16, 32)


def conv_bn(in_ch: int, out_ch: int, kernel: int, stride: int = 1, relu: bool = True) -> nn.Sequential:
    # No conv bias: BatchNorm's shift replaces it (and the exporter folds BN into the conv in eval mode).
    layers = [nn.Conv2d(in_ch, out_ch, kernel, stride, padding=kernel // 2, bias=False), nn.BatchNorm2d(out_ch)]
    if relu:
        layers.append(nn.ReLU(inplace=True))
    return nn.Sequential(*layers)


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, in_ch: int, width: int, stride: int):
        super().__init__()
        out_ch = width * self.expansion
        self.body = nn.Sequential(conv_bn(in_ch, width, 3, stride), conv_bn(width, out_ch, 3, relu=False))
        self.shortcut = _shortcut(in_ch, out_ch, stride)
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.relu(self.body(x) + self.shortcut(x))


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, in_ch: int, width: int, stride: int):
        super().__init__()
        out_ch = width * self.expansion
        # Stride on the 3x3 (ResNet v1.5, torchvision's layout), not on the first 1x1.
        self.body = nn.Sequential(conv_bn(in_ch, width, 1), conv_bn(width, width, 3, stride),
                                  conv_bn(width, out_ch, 1, relu=False))
        self.shortcut = _shortcut(in_ch, out_ch, stride)
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.relu(self.body(x) + self.shortcut(x))


def _shortcut(in_ch: int, out_ch: int, stride: int) -> nn.Module:
    if stride == 1 and in_ch == out_ch:
        return nn.Identity()
    return conv_bn(in_ch, out_ch, 1, stride, relu=False)


class Backbone(nn.Module):
    """images [N,3,H,W] float -> [C2, C3, C4, C5] at STAGE_STRIDES; `out_channels` gives their widths."""

    def __init__(self, name: str):
        super().__init__()
        spec = BACKBONE_SPECS[name]
        block = BasicBlock if spec.block == "basic" else Bottleneck
        # Stem to stride 4: strided conv then 3x3 max-pool, as in every ResNet.
        self.stem = nn.Sequential(conv_bn(3, spec.stem_channels, spec.stem_kernel, stride=2),
                                  nn.MaxPool2d(3, stride=2, padding=1))
        stages, in_ch, out_channels = [], spec.stem_channels, []
        for index, (count, width) in enumerate(zip(spec.blocks_per_stage, spec.widths)):
            stride = 1 if index == 0 else 2  # stage 1 stays at the stem's stride 4
            blocks = []
            for block_index in range(count):
                blocks.append(block(in_ch, width, stride if block_index == 0 else 1))
                in_ch = width * block.expansion
            stages.append(nn.Sequential(*blocks))
            out_channels.append(in_ch)
        self.stages = nn.ModuleList(stages)
        self.out_channels = tuple(out_channels)
        self.out_strides = STAGE_STRIDES
        self._init_weights()

    def _init_weights(self):
        for module in self.modules():
            if isinstance(module, nn.Conv2d):
                nn.init.kaiming_normal_(module.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(module, nn.BatchNorm2d):
                nn.init.ones_(module.weight)
                nn.init.zeros_(module.bias)
        # Zero the last BN of every residual branch (Goyal et al. 2017): each block starts as its shortcut, so an
        # untrained deep net keeps activations at a sane scale instead of growing block after block, which would
        # saturate the sigmoid heads and make every score tie at 1.0.
        for module in self.modules():
            if isinstance(module, (BasicBlock, Bottleneck)):
                nn.init.zeros_(module.body[-1][1].weight)

    def forward(self, x: torch.Tensor) -> list:
        x = self.stem(x)
        features = []
        for stage in self.stages:
            x = stage(x)
            features.append(x)
        return features

"""Tiny random-weight nets with foreign I/O layouts. What matters is the layout of their inputs and outputs; the
weights are PyTorch's default init after a fixed seed. Detection nets add a fixed tensor (a graph constant) to their
head logits so that decoding yields a few known, confident boxes whatever the random weights say."""

from dataclasses import dataclass
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

# Head weights are scaled down so the random part of a head logit stays around +-0.5: the planted logits decide what
# is a detection, the random part still moves every value (and depends on the image).
HEAD_WEIGHT_SCALE = 0.15

# Background logits: objectness / score of every unplanted cell (sigmoid(-8) = 3.4e-4, far under any threshold).
BACKGROUND_LOGIT = -8.0

# Class logit of the classes a plant does not name (sigmoid(-5) = 0.0067).
OTHER_CLASS_LOGIT = -5.0


def conv(cin: int, cout: int, stride: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1), nn.ReLU())


def head(cin: int, cout: int, gain: float = HEAD_WEIGHT_SCALE, bias: float = 0.0) -> nn.Conv2d:
    """1x1 output conv: default init times gain, constant bias."""
    layer = nn.Conv2d(cin, cout, 1)
    with torch.no_grad():
        layer.weight.mul_(gain)
        layer.bias.fill_(bias)
    return layer


def logit(p: float) -> float:
    return math.log(p / (1 - p))


class SegNet(nn.Module):
    """images float32 NCHW [1,3,H,W] -> seg [1,2,H,W] two-class logits (full resolution, bilinear x2 up),
    lanes [1,1,H/2,W/2] one logit (half resolution)."""

    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(conv(3, 8, 2), conv(8, 8, 1))
        # Gains and bias spread the logits over roughly +-3 for this seed, so probabilities cover (0, 1), not ~0.5.
        self.seg = head(8, 2, gain=10.0)
        self.lanes = head(8, 1, gain=20.0, bias=-2.0)

    def forward(self, images):
        f = self.body(images)
        seg = F.interpolate(self.seg(f), scale_factor=2.0, mode="bilinear", align_corners=False)
        return seg, self.lanes(f)


@dataclass(frozen=True)
class YoloPlant:
    """One planted anchor row: level (stride index), anchor index, cell, class, wanted box size in input px and the
    objectness / class logits. The other classes get OTHER_CLASS_LOGIT."""

    level: int
    anchor: int
    cell_x: int
    cell_y: int
    class_index: int
    width_px: float
    height_px: float
    obj_logit: float
    class_logit: float = 5.0


class YoloNet(nn.Module):
    """YOLOv5-style anchor grid. images NHWC [1,H,W,3] (float32 in [0,1], or uint8 raw bytes /255 in the graph) ->
    pred [1, R, 5 + classes], rows flattened exactly as YOLOv5's Detect: per level the conv output [bs, na*no, ny, nx]
    is viewed (bs, na, no, ny, nx), permuted to (bs, na, ny, nx, no) and viewed (bs, -1, no); levels concatenated
    in stride order. Raw logits, or sigmoid applied in the graph."""

    def __init__(self, strides, anchors, classes: int, plants, input_hw, uint8_input: bool, sigmoid: bool):
        super().__init__()
        self.na = len(anchors[0]) // 2
        self.no = 5 + classes
        self.uint8_input = uint8_input
        self.sigmoid = sigmoid
        self.stem = nn.Sequential(conv(3, 8, 2), conv(8, 16, 2))                    # stride 4
        self.down = nn.ModuleList(conv(16, 16, 2) for _ in strides)                  # strides 8, 16, 32
        self.heads = nn.ModuleList(head(16, self.na * self.no) for _ in strides)
        height, width = input_hw
        for i, (stride, level_anchors) in enumerate(zip(strides, anchors)):
            ny, nx = height // stride, width // stride
            bias = torch.zeros(self.na, self.no, ny, nx)
            bias[:, 4] = BACKGROUND_LOGIT
            for p in (p for p in plants if p.level == i):
                aw, ah = level_anchors[2 * p.anchor], level_anchors[2 * p.anchor + 1]
                # wh = (2 sigmoid(t))^2 * anchor  ->  t = logit(sqrt(size / anchor) / 2); needs size < 4 * anchor
                bias[p.anchor, 2, p.cell_y, p.cell_x] = logit(math.sqrt(p.width_px / aw) / 2)
                bias[p.anchor, 3, p.cell_y, p.cell_x] = logit(math.sqrt(p.height_px / ah) / 2)
                bias[p.anchor, 4, p.cell_y, p.cell_x] = p.obj_logit
                bias[p.anchor, 5:, p.cell_y, p.cell_x] = OTHER_CLASS_LOGIT
                bias[p.anchor, 5 + p.class_index, p.cell_y, p.cell_x] = p.class_logit
            # conv channel c = anchor * no + column (the view (bs, na, no, ny, nx) splits it that way)
            self.register_buffer(f"plant{i}", bias.reshape(1, self.na * self.no, ny, nx))

    def forward(self, images):
        x = images.float() / 255.0 if self.uint8_input else images
        x = self.stem(x.permute(0, 3, 1, 2))
        rows = []
        for i, (down, head_conv) in enumerate(zip(self.down, self.heads)):
            x = down(x)
            y = head_conv(x) + getattr(self, f"plant{i}")
            bs, _, ny, nx = y.shape
            y = y.view(bs, self.na, self.no, ny, nx).permute(0, 1, 3, 4, 2).contiguous()
            if self.sigmoid:
                y = y.sigmoid()
            rows.append(y.view(bs, -1, self.no))
        return torch.cat(rows, 1)


@dataclass(frozen=True)
class BoxPlant:
    """One planted grid cell of the box-list net: class, score logit, box size as a fraction of the input."""

    cell_x: int
    cell_y: int
    class_index: int
    score_logit: float
    width_frac: float
    height_frac: float


class BoxListNet(nn.Module):
    """images float16 NCHW -> (computed in float32) a stride-16 grid of (score, 3 class logits, dx, dy, tw, th);
    fixed top-K over cells by score -> boxes [1,K,4] xyxy normalised to the input (clamped to [0,1]),
    scores [1,K] (sigmoid), labels [1,K] (argmax class as float); all three float16. Best first."""

    STRIDE = 16
    MAX_SIZE_FRAC = 0.6   # box side = MAX_SIZE_FRAC * sigmoid(t), as a fraction of the input side

    def __init__(self, classes: int, top_k: int, plants, input_hw):
        super().__init__()
        self.classes = classes
        self.top_k = top_k
        self.body = nn.Sequential(conv(3, 8, 2), conv(8, 16, 2), conv(16, 16, 2), conv(16, 16, 2))
        self.head = head(16, 5 + classes)
        height, width = input_hw
        ny, nx = height // self.STRIDE, width // self.STRIDE
        bias = torch.zeros(5 + classes, ny, nx)
        # Unplanted cells: scores spread apart (0.1 logit per cell) so TopK's order does not hang on float noise.
        ramp = torch.arange(ny * nx, dtype=torch.float32).reshape(ny, nx)
        bias[0] = BACKGROUND_LOGIT + 3.0 - 0.1 * ramp
        for p in plants:
            bias[0, p.cell_y, p.cell_x] = p.score_logit
            bias[1:1 + classes, p.cell_y, p.cell_x] = -4.0
            bias[1 + p.class_index, p.cell_y, p.cell_x] = 4.0
            bias[1 + classes + 2, p.cell_y, p.cell_x] = logit(p.width_frac / self.MAX_SIZE_FRAC)
            bias[1 + classes + 3, p.cell_y, p.cell_x] = logit(p.height_frac / self.MAX_SIZE_FRAC)
        self.register_buffer("plant", bias[None])
        gy, gx = torch.meshgrid(torch.arange(ny, dtype=torch.float32), torch.arange(nx, dtype=torch.float32), indexing="ij")
        self.register_buffer("grid_x", gx.reshape(1, -1))
        self.register_buffer("grid_y", gy.reshape(1, -1))
        self.nx, self.ny = nx, ny

    def forward(self, images):
        h = (self.head(self.body(images.float())) + self.plant).flatten(2)     # [1, 5 + C, cells]
        c = self.classes
        score = h[:, 0].sigmoid()
        label = h[:, 1:1 + c].argmax(1)
        cx = (self.grid_x + 0.5 + 0.5 * torch.tanh(h[:, 1 + c])) / self.nx
        cy = (self.grid_y + 0.5 + 0.5 * torch.tanh(h[:, 2 + c])) / self.ny
        w = self.MAX_SIZE_FRAC * h[:, 3 + c].sigmoid()
        hh = self.MAX_SIZE_FRAC * h[:, 4 + c].sigmoid()
        boxes = torch.stack((cx - w / 2, cy - hh / 2, cx + w / 2, cy + hh / 2), -1).clamp(0.0, 1.0)
        top, index = score.topk(self.top_k, dim=1)
        boxes = boxes.gather(1, index.unsqueeze(-1).expand(-1, -1, 4))
        labels = label.gather(1, index).float()
        return boxes.half(), top.half(), labels.half()


class DepthNet(nn.Module):
    """images float32 NCHW [N,3,H,W] (N dynamic) -> depth [N,1,H/2,W/2] inverse depth in 1/m, in [0.02, 0.52]
    (1.9 m .. 50 m)."""

    MIN_INVERSE_PER_M = 0.02
    RANGE_INVERSE_PER_M = 0.5

    def __init__(self, input_hw):
        super().__init__()
        self.body = nn.Sequential(conv(3, 8, 2), conv(8, 8, 1))
        # Gain 10 spreads the random logits; a fixed top-to-bottom ramp (-2 .. +2) adds a
        # road-like structure: far (small inverse depth) at the top, near at the bottom.
        self.out = head(8, 1, gain=10.0)
        h, w = input_hw[0] // 2, input_hw[1] // 2
        self.register_buffer("ramp", torch.linspace(-2.0, 2.0, h).reshape(1, 1, h, 1).expand(1, 1, h, w).contiguous())

    def forward(self, images):
        return self.MIN_INVERSE_PER_M + self.RANGE_INVERSE_PER_M * (self.out(self.body(images)) + self.ramp).sigmoid()

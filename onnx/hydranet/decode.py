"""In-graph CenterNet decoding: the runtime copies out K rows, never maps (CONTRACT.md, `objects`)."""

import torch
import torch.nn.functional as F
from torch import nn

# Column order of one `objects` row; the runtime indexes by these positions.
OBJECT_FIELDS = ("score", "class", "u", "v", "w", "h", "depth")
PEAK_WINDOW = 3  # a cell is a peak when it is the maximum of its 3x3 neighbourhood (CenterNet's NMS substitute)


class CenterDecoder(nn.Module):
    """(heat, offset, size, depth) maps -> objects [N, K, 7] = (score, class, u, v, w, h, depth), best first.

    heat [N,C,h,w] probability; offset [N,2,h,w] (dx, dy) in cells; size [N,2,h,w] (w, h) in input pixels;
    depth [N,1,h,w] metres. u = (x + dx) * S, v = (y + dy) * S in input pixels. Non-peak cells score 0, so when
    fewer than K peaks exist the tail rows have score 0 (their order among themselves is unspecified).
    """

    def __init__(self, num_classes: int, stride: int, max_objects: int, grid_height: int, grid_width: int):
        super().__init__()
        # Python ints, not heat.shape[...]: the tracer would turn a shape read into Shape/Gather nodes, and the
        # Reshape before TopK would no longer have a constant shape for shape inference to follow.
        self.num_classes = num_classes
        self.stride = float(stride)
        self.max_objects = max_objects
        self.grid_height = grid_height
        self.grid_width = grid_width

    def forward(self, heat, offset, size, depth) -> torch.Tensor:
        cells = self.grid_height * self.grid_width
        pooled = F.max_pool2d(heat, PEAK_WINDOW, stride=1, padding=PEAK_WINDOW // 2)
        # Exact float equality is safe: max-pool returns one of its inputs bit for bit.
        peaks = heat * (heat == pooled).to(heat.dtype)
        # -1 for the batch keeps N symbolic in the exported Reshape; the rest are build-time constants.
        scores, index = torch.topk(peaks.reshape(-1, self.num_classes * cells), self.max_objects, dim=1)
        # Indices are >= 0, so truncating integer division (ONNX Div on int64) equals floor division.
        cls = torch.div(index, cells, rounding_mode="trunc")
        cell = index - cls * cells
        y = torch.div(cell, self.grid_width, rounding_mode="trunc")
        x = cell - y * self.grid_width
        # One GatherElements for the five per-cell quantities: (dx, dy, w, h, depth) at each detection's cell.
        # repeat exports as Tile with constant repeats; expand(-1, 5, -1) would build its target shape from Shape
        # nodes at run time, which leaves less for shape inference to prove.
        maps = torch.cat([offset, size, depth], dim=1).reshape(-1, 5, cells)
        picked = torch.gather(maps, 2, cell.unsqueeze(1).repeat(1, 5, 1))
        u = (x.to(torch.float32) + picked[:, 0]) * self.stride
        v = (y.to(torch.float32) + picked[:, 1]) * self.stride
        return torch.stack([scores, cls.to(torch.float32), u, v, picked[:, 2], picked[:, 3], picked[:, 4]], dim=2)

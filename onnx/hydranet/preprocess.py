"""In-graph preprocessing, so the runtime hands the frame slab to ONNX Runtime untouched (CONTRACT.md, Input)."""

import torch
from torch import nn

# ImageNet statistics (torchvision's), RGB order; the contract fixes these values.
IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)
PIXEL_MAX = 255.0


class Preprocess(nn.Module):
    """uint8 [N,H,W,3] RGB -> float32 [N,3,H,W], (x/255 - mean) / std."""

    def __init__(self):
        super().__init__()
        mean = torch.tensor(IMAGENET_MEAN, dtype=torch.float32).view(1, 3, 1, 1)
        std = torch.tensor(IMAGENET_STD, dtype=torch.float32).view(1, 3, 1, 1)
        # Folded to one multiply-add per pixel: x * (1 / (255 std)) + (-mean / std).
        self.register_buffer("scale", 1.0 / (PIXEL_MAX * std), persistent=False)
        self.register_buffer("shift", -mean / std, persistent=False)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        # Transpose while still uint8: a quarter of the bytes a float transpose would move.
        x = images.permute(0, 3, 1, 2).to(torch.float32)
        return x * self.scale + self.shift

"""Losses per head. The heads output activated values (probabilities, metres, pixels), so the losses take those.

- heat: CenterNet's penalty-reduced focal loss (alpha 2, beta 4), summed and divided by the number of objects.
- offset: L1 at the object centre cells only, divided by the number of objects (cells).
- size: L1 on log(pixels) at the centre cells, i.e. the relative error. The evaluation matches boxes at IoU >= 0.5,
  a relative measure: L1 in cells let the near cars' 50-cell boxes dominate while a one-cell error on a 2-cell car
  60 m away (which alone fails the match) counted for little; the first tiny model's boxes were a cell off.
- obj_depth (at the centre cells) and depth (over the cells with a valid depth, depth_mask): L1 on log(metres), i.e.
  the relative error. L1 in metres let the horizon's 100+ m cells and the far cars dominate (a 10 m L1 after 1,500
  steps) while a 1 m error on a car 10 m ahead, the one the planner brakes for, counted for little; the position bar
  is relative too (5 % of range).
- bottom: L1 of the box's bottom edge (v + h/2, pixels) at the centre cells, divided by the true box height. The BEV
  projector casts that row onto the ground, where one pixel is 5 % of range at 30 m: the offset and size losses weigh
  the edge only through their sum, and the third tiny model's bottoms were off by 0.3 px + 3 % of the height.
- lanes, drivable, solid_lines: binary cross-entropy + soft Dice (1 - 2|p.t| / (|p| + |t|)) per image, averaged.
Weights are TrainOptions.loss_weights; total = sum of weight x loss.
"""

import torch
import torch.nn.functional as F

from ..heads import DEPTH_MIN_M

PROBABILITY_CLAMP = 1e-4  # CenterNet clamps sigmoid outputs so log() stays finite
FOCAL_ALPHA, FOCAL_BETA = 2.0, 4.0
DICE_SMOOTH = 1.0
LOSS_NAMES = ("lanes", "drivable", "depth", "heat", "offset", "size", "obj_depth", "solid_lines", "bottom")


def focal_loss(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    p = pred.clamp(PROBABILITY_CLAMP, 1 - PROBABILITY_CLAMP)
    positive = target.eq(1).float()
    pos = torch.log(p) * (1 - p) ** FOCAL_ALPHA * positive
    neg = torch.log(1 - p) * p ** FOCAL_ALPHA * (1 - target) ** FOCAL_BETA * (1 - positive)
    return -(pos.sum() + neg.sum()) / positive.sum().clamp(min=1)


def bce_dice(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    p = pred.clamp(PROBABILITY_CLAMP, 1 - PROBABILITY_CLAMP)
    bce = F.binary_cross_entropy(p, target)
    inter = (p * target).flatten(1).sum(1)
    dice = 1 - (2 * inter + DICE_SMOOTH) / (p.flatten(1).sum(1) + target.flatten(1).sum(1) + DICE_SMOOTH)
    return bce + dice.mean()


def at_centres(maps: torch.Tensor, index: torch.Tensor) -> torch.Tensor:
    """maps [N,D,h,w], index [N,M] cell indices -> [N,M,D]."""
    n, d = maps.shape[:2]
    flat = maps.reshape(n, d, -1)
    return torch.gather(flat, 2, index.unsqueeze(1).expand(-1, d, -1)).transpose(1, 2)


def masked_log_l1(pred: torch.Tensor, target: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """masked_l1 of log(metres); targets are clamped to the depth head's floor first, so a masked-out 0 (no depth)
    stays finite and contributes 0 through the mask."""
    return masked_l1(torch.log(pred), torch.log(target.clamp(min=DEPTH_MIN_M)), mask)


def masked_l1(pred: torch.Tensor, target: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """pred, target [..., D], mask broadcastable to them: mean absolute error over the masked entries."""
    mask = mask.expand_as(pred)
    return (torch.abs(pred - target) * mask).sum() / mask.sum().clamp(min=1)


def bottom_edge_l1(offset: torch.Tensor, size: torch.Tensor, target_offset: torch.Tensor, target_size: torch.Tensor,
                   mask: torch.Tensor, stride: int) -> torch.Tensor:
    """offset, size and their targets [N,M,2] at the centre cells (cells; pixels), mask [N,M,1]: mean |bottom error| / h."""
    bottom = offset[..., 1:2] * stride + size[..., 1:2] / 2
    true_bottom = target_offset[..., 1:2] * stride + target_size[..., 1:2] / 2
    height = target_size[..., 1:2].clamp(min=1.0)
    return masked_l1(bottom / height, true_bottom / height, mask)


def compute_losses(maps: dict, targets: dict, weights: dict, stride: int) -> tuple:
    """-> (total, {name: loss}) for the names in LOSS_NAMES; stride: input pixels per map cell."""
    index, mask = targets["obj_index"], targets["obj_mask"].unsqueeze(2)
    offset_at, size_at = at_centres(maps["offset"], index), at_centres(maps["size"], index)
    losses = {
        "lanes": bce_dice(maps["lanes"], targets["lanes"]),
        "drivable": bce_dice(maps["drivable"], targets["drivable"]),
        "depth": masked_log_l1(maps["depth"], targets["depth"], targets["depth_mask"]),
        "heat": focal_loss(maps["heat"], targets["heat"]),
        "offset": masked_l1(offset_at, targets["obj_offset"], mask),
        "size": masked_l1(torch.log(size_at), torch.log(targets["obj_size"].clamp(min=1.0)), mask),
        "obj_depth": masked_log_l1(at_centres(maps["obj_depth"], index), targets["obj_depth"].unsqueeze(2), mask),
        "solid_lines": bce_dice(maps["solid_lines"], targets["solid_lines"]),
        "bottom": bottom_edge_l1(offset_at, size_at, targets["obj_offset"], targets["obj_size"], mask, stride),
    }
    total = sum(weights[name] * value for name, value in losses.items())
    return total, losses

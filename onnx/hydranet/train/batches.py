"""Data order and batch assembly. The order is a pure function of (seed, epoch), so step s always sees the same
images whether the run was interrupted or not: a resumed run needs no data-loader state."""

import math

import numpy as np
import torch

from .targets import build_targets

ORDER_SEED_MIX = 1_000_003  # mixes the run seed and the epoch into one generator seed


def steps_per_epoch(count: int, batch: int) -> int:
    return math.ceil(count / batch)


def batch_indices(step: int, count: int, batch: int, seed: int) -> tuple:
    """(epoch, item indices) for 0-based step; each epoch is a fresh seeded permutation, the last batch may be short."""
    per_epoch = steps_per_epoch(count, batch)
    epoch, position = divmod(step, per_epoch)
    generator = torch.Generator().manual_seed(seed * ORDER_SEED_MIX + epoch)
    order = torch.randperm(count, generator=generator).tolist()
    return epoch, order[position * batch:(position + 1) * batch]


def collate(items, dataset, stride: int) -> tuple:
    """items (dataset.Item) -> (images uint8 [N,H,W,3], targets {name: tensor [N,...]})."""
    images, targets = [], []
    for item in items:
        image, labels, depth = item.load()
        images.append(image)
        targets.append(build_targets(labels, depth, item.objects, len(dataset.classes), stride,
                                     dataset.lane_labels, dataset.drivable_labels))
    stacked = {name: torch.from_numpy(np.stack([t[name] for t in targets])) for name in targets[0]}
    return torch.from_numpy(np.stack(images)), stacked

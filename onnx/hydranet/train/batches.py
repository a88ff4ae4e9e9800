"""Data order and batch assembly. The order is a pure function of (seed, epoch), so step s always sees the same
images whether the run was interrupted or not: a resumed run needs no data-loader state."""

import math
from dataclasses import replace

import numpy as np
import torch

from .targets import build_targets

ORDER_SEED_MIX = 1_000_003  # mixes the run seed and the epoch into one generator seed
FLIP_SALT = 7_919           # keeps the flip coins apart from the data order's generator


def steps_per_epoch(count: int, batch: int) -> int:
    return math.ceil(count / batch)


def batch_indices(step: int, count: int, batch: int, seed: int) -> tuple:
    """(epoch, item indices) for 0-based step; each epoch is a fresh seeded permutation, the last batch may be short."""
    per_epoch = steps_per_epoch(count, batch)
    epoch, position = divmod(step, per_epoch)
    generator = torch.Generator().manual_seed(seed * ORDER_SEED_MIX + epoch)
    order = torch.randperm(count, generator=generator).tolist()
    return epoch, order[position * batch:(position + 1) * batch]


def flips_for(step: int, count: int, seed: int) -> list:
    """Which of the step's count images to mirror: a fair coin each, a pure function of (seed, step)."""
    generator = torch.Generator().manual_seed(seed * ORDER_SEED_MIX + FLIP_SALT + step)
    return (torch.rand(count, generator=generator) < 0.5).tolist()


def mirrored(image, labels, depth, objects, width: int) -> tuple:
    """Left-right mirror of one image and its labels: box columns u -> width - 1 - u (inclusive boxes)."""
    boxes = tuple(replace(o, box_px=(width - 1 - o.box_px[2], o.box_px[1], width - 1 - o.box_px[0], o.box_px[3]))
                  for o in objects)
    return (np.ascontiguousarray(image[:, ::-1]), np.ascontiguousarray(labels[:, ::-1]),
            np.ascontiguousarray(depth[:, ::-1]), boxes)


def collate(items, dataset, stride: int, flips=None) -> tuple:
    """items (dataset.Item) -> (images uint8 [N,H,W,3], targets {name: tensor [N,...]}); flips[i] mirrors item i."""
    images, targets = [], []
    for i, item in enumerate(items):
        image, labels, depth = item.load()
        objects = item.objects
        if flips is not None and flips[i]:
            image, labels, depth, objects = mirrored(image, labels, depth, objects, dataset.width)
        images.append(image)
        targets.append(build_targets(labels, depth, objects, len(dataset.classes), stride,
                                     dataset.lane_labels, dataset.drivable_labels, dataset.solid_labels))
    stacked = {name: torch.from_numpy(np.stack([t[name] for t in targets])) for name in targets[0]}
    return torch.from_numpy(np.stack(images)), stacked

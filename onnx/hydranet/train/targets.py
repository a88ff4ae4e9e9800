"""Training targets at the model's output stride S from one image's labels, matching what the heads and the in-graph
decode (decode.py) produce:

- lanes    [1,h,w]: 1 where any pixel of the SxS cell is a lane marking (thin markings survive the downsampling).
- solid_lines [1,h,w]: 1 where any pixel of the cell is solid-line paint (the road's edge lines).
- drivable [1,h,w]: fraction of the cell's pixels that are road or lane marking (a soft target).
- depth    [1,h,w]: mean of the cell's valid depth pixels (> 0) in metres; depth_mask [1,h,w] = 1 where there is one.
- heat     [C,h,w]: CenterNet heatmap, a Gaussian (radius from the box size, Zhou et al. 2019) per object centre in its
           class's channel, exactly 1 at the centre cell; overlapping Gaussians take the maximum.
- per object slot (MAX_TARGET_OBJECTS rows, obj_mask 1 for a real object): cell index y*w + x of the centre cell,
  offset (dx, dy) in cells (the decode's u = (x + dx) S), size (w, h) in input pixels, depth at the centre (m).

Pixel convention: pixel i covers [i, i+1), so an inclusive box [minU..maxU] has centre u = (minU + maxU + 1) / 2 and
width maxU - minU + 1.
"""

import math

import numpy as np

MAX_TARGET_OBJECTS = 64  # object slots per image; the most visible objects are kept when an image has more
GAUSSIAN_MIN_OVERLAP = 0.7  # CenterNet: the radius keeps a box shifted within it at IoU >= 0.7 with the truth


def build_targets(labels: np.ndarray, depth: np.ndarray, objects, num_classes: int, stride: int,
                  lane_labels: tuple, drivable_labels: tuple, solid_labels: tuple) -> dict:
    """labels uint8 [H,W], depth float32 [H,W] metres, objects a sequence of dataset.BoxObject -> dict of float32
    arrays (int64 for obj_index)."""
    height, width = labels.shape
    h, w = height // stride, width // stride

    def cells(mask: np.ndarray) -> np.ndarray:  # [H,W] -> [h,w,S*S]
        return mask[:h * stride, :w * stride].reshape(h, stride, w, stride).transpose(0, 2, 1, 3).reshape(h, w, -1)

    lane = cells(np.isin(labels, lane_labels)).any(axis=2)
    solid = cells(np.isin(labels, solid_labels)).any(axis=2)
    drivable = cells(np.isin(labels, drivable_labels)).mean(axis=2)
    depth_cells = cells(depth.astype(np.float32))
    valid = depth_cells > 0
    count = valid.sum(axis=2)
    depth_mean = np.where(count > 0, (depth_cells * valid).sum(axis=2) / np.maximum(count, 1), 0.0)

    heat = np.zeros((num_classes, h, w), dtype=np.float32)
    index = np.zeros(MAX_TARGET_OBJECTS, dtype=np.int64)
    mask = np.zeros(MAX_TARGET_OBJECTS, dtype=np.float32)
    offset = np.zeros((MAX_TARGET_OBJECTS, 2), dtype=np.float32)
    size = np.zeros((MAX_TARGET_OBJECTS, 2), dtype=np.float32)
    obj_depth = np.zeros(MAX_TARGET_OBJECTS, dtype=np.float32)
    kept = sorted((o for o in objects if o.visible_pixels > 0), key=lambda o: -o.visible_pixels)
    for slot, obj in enumerate(kept[:MAX_TARGET_OBJECTS]):
        min_u, min_v, max_u, max_v = obj.box_px
        box_w, box_h = max_u - min_u + 1, max_v - min_v + 1
        cu, cv = (min_u + max_u + 1) / 2.0 / stride, (min_v + max_v + 1) / 2.0 / stride  # centre in cells
        x, y = min(int(cu), w - 1), min(int(cv), h - 1)
        radius = max(0, int(gaussian_radius(box_h / stride, box_w / stride, GAUSSIAN_MIN_OVERLAP)))
        draw_gaussian(heat[obj.class_index], x, y, radius)
        index[slot], mask[slot] = y * w + x, 1.0
        offset[slot] = (cu - x, cv - y)
        size[slot] = (box_w, box_h)
        obj_depth[slot] = obj.depth_m
    return {
        "lanes": lane[None].astype(np.float32),
        "drivable": drivable[None].astype(np.float32),
        "depth": depth_mean[None].astype(np.float32),
        "depth_mask": (count > 0)[None].astype(np.float32),
        "heat": heat,
        "obj_index": index,
        "obj_mask": mask,
        "obj_offset": offset,
        "obj_size": size,
        "obj_depth": obj_depth,
        "solid_lines": solid[None].astype(np.float32),
    }


def gaussian_radius(height: float, width: float, min_overlap: float) -> float:
    """CenterNet's radius (in the units of height and width): the smallest of the three corner-shift cases."""
    a1, b1 = 1.0, height + width
    c1 = width * height * (1 - min_overlap) / (1 + min_overlap)
    r1 = (b1 + math.sqrt(b1 ** 2 - 4 * a1 * c1)) / 2
    a2, b2 = 4.0, 2 * (height + width)
    c2 = (1 - min_overlap) * width * height
    r2 = (b2 + math.sqrt(b2 ** 2 - 4 * a2 * c2)) / 2
    a3, b3 = 4 * min_overlap, -2 * min_overlap * (height + width)
    c3 = (min_overlap - 1) * width * height
    r3 = (b3 + math.sqrt(b3 ** 2 - 4 * a3 * c3)) / 2
    return min(r1, r2, r3)


def draw_gaussian(heat: np.ndarray, x: int, y: int, radius: int) -> None:
    """heat [h,w] = max(heat, exp(-d^2 / 2 sigma^2)) within radius of (x, y), sigma = (2 radius + 1) / 6."""
    sigma = (2 * radius + 1) / 6.0
    offsets = np.arange(-radius, radius + 1, dtype=np.float32)
    kernel = np.exp(-(offsets[None, :] ** 2 + offsets[:, None] ** 2) / (2 * sigma * sigma))
    h, w = heat.shape
    left, right = min(x, radius), min(w - x, radius + 1)
    top, bottom = min(y, radius), min(h - y, radius + 1)
    window = heat[y - top:y + bottom, x - left:x + right]
    np.maximum(window, kernel[radius - top:radius + bottom, radius - left:radius + right], out=window)

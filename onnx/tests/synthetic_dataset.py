"""Shared by the training tests: a tiny seeded dataset folder in the `octopilot dataset export` format
(octopilot-dataset/1), 64x32 pixels (the smallest the tiny config takes: H and W are multiples of 32)."""

import json
import os

import numpy as np

from hydranet.train.png import write_png

WIDTH, HEIGHT = 64, 32
CAMERAS = ("front", "rear")
LABEL_CLASSES = {"0": "sky", "1": "offRoad", "2": "road", "3": "laneMarking", "4": "vehicle", "5": "solidLaneMarking"}
SKY, OFF_ROAD, ROAD, LANE, VEHICLE = range(5)
COLOURS = {SKY: (120, 170, 230), OFF_ROAD: (60, 120, 40), ROAD: (90, 90, 90), LANE: (240, 240, 240),
           VEHICLE: (200, 30, 30)}
HORIZON_ROW = 12
# Every box centre sits at the same place inside its stride-4 cell, (3.5, 3.5) px = offset (0.875, 0.875) cells, far
# from the untrained head's 0.5: 4 images are too few to learn per-object offsets in 20 steps, but the offset loss
# must still show that its gradient reaches the head.
CENTRE_IN_CELL_PX, CELL_PX = 3.5, 4


def make_dataset(root: str, samples: int = 2, seed: int = 0) -> list:
    """Writes root/manifest.json and root/samples/<id>/<camera>.* for samples x CAMERAS images (the last sample is
    'val' when there are more than 2); returns the boxes written, [(sample_id, camera, boxPx)]."""
    rng = np.random.Generator(np.random.PCG64(seed))
    entries, boxes = [], []
    for s in range(samples):
        sample_id = f"{s:06d}"
        entries.append({"id": sample_id, "split": "val" if samples > 2 and s == samples - 1 else "train",
                        "timeS": s * 0.5})
        folder = os.path.join(root, "samples", sample_id)
        os.makedirs(folder)
        for camera in CAMERAS:
            box = _write_image(os.path.join(folder, camera), rng)
            boxes.append((sample_id, camera, box))
    manifest = {"format": "octopilot-dataset/1", "seed": seed, "mode": {"widthPx": WIDTH, "heightPx": HEIGHT},
                "cameras": list(CAMERAS), "classes": ["vehicle"], "labelClasses": LABEL_CLASSES, "samples": entries}
    with open(os.path.join(root, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
    return boxes


def _write_image(base: str, rng) -> list:
    labels = np.full((HEIGHT, WIDTH), SKY, dtype=np.uint8)
    labels[HORIZON_ROW:] = OFF_ROAD
    rows = np.arange(HEIGHT)[:, None]
    cols = np.arange(WIDTH)[None, :]
    half = (rows - HORIZON_ROW) * 1.5 + 4  # the road widens towards the bottom
    centre = WIDTH / 2 + rng.integers(-6, 7)
    road = (rows >= HORIZON_ROW) & (np.abs(cols - centre) <= half)
    labels[road] = ROAD
    labels[road & (np.abs(np.abs(cols - centre) - half * 0.5) < 1.0)] = LANE
    box_w, box_h = 2 * int(rng.integers(5, 9)) + 1, 2 * int(rng.integers(3, 5)) + 1  # odd: centre on a half pixel
    min_u = _snap(int(np.clip(centre - box_w // 2 + rng.integers(-10, 11), 0, WIDTH - box_w - CELL_PX)), box_w)
    min_v = _snap(int(rng.integers(HORIZON_ROW - 2, HEIGHT - box_h - CELL_PX)), box_h)
    box = [min_u, min_v, min_u + box_w - 1, min_v + box_h - 1]
    labels[box[1]:box[3] + 1, box[0]:box[2] + 1] = VEHICLE
    image = np.zeros((HEIGHT, WIDTH, 3), dtype=np.float64)
    for label, colour in COLOURS.items():
        image[labels == label] = colour
    image += rng.normal(0.0, 6.0, size=image.shape)
    depth = np.where(labels == SKY, 0.0, 60.0 / np.maximum(rows - HORIZON_ROW + 2, 1) + 2.0).astype(np.float32)
    depth_m = float(depth[box[3], (box[0] + box[2]) // 2])
    write_png(base + ".png", np.clip(np.rint(image), 0, 255).astype(np.uint8))
    write_png(base + ".class.png", labels)
    np.save(base + ".depth.npy", depth)
    objects = [{"id": 1, "class": "vehicle", "boxPx": box, "visiblePixels": box_w * box_h, "depthM": depth_m,
                "groundCentreEgoM": [depth_m, 0.0, 0.0], "headingEgoRad": 0.0}]
    with open(base + ".objects.json", "w", encoding="utf-8") as f:
        json.dump(objects, f)
    return box


def _snap(minimum: int, size: int) -> int:
    """The smallest min >= minimum that puts the box centre min + size/2 at CENTRE_IN_CELL_PX within its cell."""
    while (minimum + size / 2) % CELL_PX != CENTRE_IN_CELL_PX:
        minimum += 1
    return minimum

"""Reads and validates a folder written by `octopilot dataset export` (format octopilot-dataset/1).

    DIR/manifest.json               {"format", "seed", "mode": {"widthPx", "heightPx"}, "cameras", "classes",
                                     "labelClasses": {"0": "sky", ...}, "samples": [{"id", "split", ...}]}
    DIR/samples/<id>/<camera>.png          RGB 8-bit, mode size
    DIR/samples/<id>/<camera>.class.png    8-bit gray, one labelClasses index per pixel
    DIR/samples/<id>/<camera>.depth.npy    float32 [H,W], metres along camera z, 0 = no depth (sky)
    DIR/samples/<id>/<camera>.objects.json [{"id", "class", "boxPx": [minU,minV,maxU,maxV] inclusive,
                                            "visiblePixels", "depthM" (camera z of the footprint centre, what the
                                            BEV projector reads), "nearestDepthM", "groundCentreEgoM", "headingEgoRad"}]

Every (sample, camera) pair is one training image. The whole folder is validated when it is opened (sizes from the
PNG headers and the .npy headers, objects parsed), so a broken file is refused before the first step, with its path;
pixels are decoded only when an image is used.
"""

import json
import math
import os
from dataclasses import dataclass

import numpy as np

from . import png

FORMAT = "octopilot-dataset/1"
SPLITS = ("train", "val")
MANIFEST_FILE = "manifest.json"
SAMPLES_DIR = "samples"
# labelClasses names the training targets are built from (looked up by name, not by index).
LANE_LABELS = ("laneMarking", "solidLaneMarking")
DRIVABLE_LABELS = ("road", "laneMarking", "solidLaneMarking")
SOLID_LABELS = ("solidLaneMarking",)  # the solid_lines head's target; dashed dividers are laneMarking


class DatasetError(ValueError):
    """A dataset folder that breaks the format: path names the offending file, rule what is wrong."""

    def __init__(self, path: str, rule: str):
        super().__init__(f"{path}: {rule}")
        self.path = path
        self.rule = rule


@dataclass(frozen=True)
class BoxObject:
    """One labelled object: class index into the manifest's classes, inclusive pixel box, depth in metres."""
    class_index: int
    box_px: tuple  # (min_u, min_v, max_u, max_v), inclusive pixel indices
    depth_m: float
    visible_pixels: int


@dataclass(frozen=True)
class Item:
    """One training image: (sample, camera) and its files; objects are parsed at open, pixels read on demand."""
    sample_id: str
    camera: str
    split: str
    image_path: str
    class_path: str
    depth_path: str
    objects: tuple

    def load(self) -> tuple:
        """(image uint8 [H,W,3], labels uint8 [H,W], depth float32 [H,W])."""
        return png.read_png(self.image_path), png.read_png(self.class_path), np.load(self.depth_path)


@dataclass(frozen=True)
class Dataset:
    root: str
    height: int
    width: int
    cameras: tuple
    classes: tuple
    lane_labels: tuple      # label indices counted as lane marking
    drivable_labels: tuple  # label indices counted as drivable
    solid_labels: tuple     # label indices counted as solid-line paint
    items: tuple            # every (sample, camera) pair, in manifest order

    def split(self, name: str) -> tuple:
        return tuple(item for item in self.items if item.split == name)


def open_dataset(root: str) -> Dataset:
    """Validates root completely and returns its index; raises DatasetError naming the first broken file."""
    manifest_path = os.path.join(root, MANIFEST_FILE)
    manifest = _read_json(manifest_path)
    need = _Rules(manifest_path)
    need.check(isinstance(manifest, dict), "must be a JSON object")
    need.check(manifest.get("format") == FORMAT, f"format must be {FORMAT!r}, got {manifest.get('format')!r}")
    mode = manifest.get("mode")
    need.check(isinstance(mode, dict) and _positive_int(mode.get("widthPx")) and _positive_int(mode.get("heightPx")),
               f"mode must be {{'widthPx': int > 0, 'heightPx': int > 0}}, got {mode!r}")
    width, height = mode["widthPx"], mode["heightPx"]
    cameras = manifest.get("cameras")
    need.check(_names(cameras), f"cameras must be a non-empty list of unique names, got {cameras!r}")
    classes = manifest.get("classes")
    need.check(_names(classes), f"classes must be a non-empty list of unique names, got {classes!r}")
    label_classes = manifest.get("labelClasses")
    need.check(isinstance(label_classes, dict) and all(k.isdigit() and int(k) < 256 for k in label_classes),
               f"labelClasses must map label indices 0..255 to names, got {label_classes!r}")
    by_name = {name: int(index) for index, name in label_classes.items()}
    for name in LANE_LABELS + DRIVABLE_LABELS + SOLID_LABELS:
        need.check(name in by_name, f"labelClasses must name {name!r}, got {sorted(by_name)}")
    samples = manifest.get("samples")
    need.check(isinstance(samples, list) and samples, "samples must be a non-empty list")
    items, seen = [], set()
    for index, sample in enumerate(samples):
        need.check(isinstance(sample, dict) and isinstance(sample.get("id"), str) and sample["id"]
                   and "/" not in sample["id"] and sample["id"] not in seen,
                   f"samples[{index}].id must be a unique non-empty name, got {sample!r:.80}")
        need.check(sample.get("split") in SPLITS, f"samples[{index}].split must be one of {SPLITS}, "
                                                  f"got {sample.get('split')!r}")
        seen.add(sample["id"])
        folder = os.path.join(root, SAMPLES_DIR, sample["id"])
        for camera in cameras:
            items.append(_open_item(folder, sample["id"], camera, sample["split"], height, width, classes))
    return Dataset(root, height, width, tuple(cameras), tuple(classes),
                   tuple(by_name[n] for n in LANE_LABELS), tuple(by_name[n] for n in DRIVABLE_LABELS),
                   tuple(by_name[n] for n in SOLID_LABELS), tuple(items))


def _open_item(folder, sample_id, camera, split, height, width, classes) -> Item:
    base = os.path.join(folder, camera)
    image_path, class_path = base + ".png", base + ".class.png"
    depth_path, objects_path = base + ".depth.npy", base + ".objects.json"
    for path in (image_path, class_path, depth_path, objects_path):
        if not os.path.isfile(path):
            raise DatasetError(path, f"missing (sample {sample_id}, camera {camera})")
    for path, channels in ((image_path, 3), (class_path, 1)):
        try:
            size = png.read_size(path)
        except png.PngError as error:
            raise DatasetError(path, str(error)) from None
        if size != (height, width, channels):
            raise DatasetError(path, f"is {size[1]}x{size[0]} with {size[2]} channel(s); the manifest's mode needs "
                                     f"{width}x{height} with {channels}")
    try:
        depth = np.load(depth_path, mmap_mode="r")
    except (ValueError, OSError) as error:
        raise DatasetError(depth_path, f"not a .npy file: {error}") from None
    if depth.dtype != np.float32 or depth.shape != (height, width):
        raise DatasetError(depth_path, f"must be float32 [{height},{width}], got {depth.dtype} {list(depth.shape)}")
    objects = _read_objects(objects_path, height, width, classes)
    return Item(sample_id, camera, split, image_path, class_path, depth_path, objects)


def _read_objects(path, height, width, classes) -> tuple:
    entries = _read_json(path)
    need = _Rules(path)
    need.check(isinstance(entries, list), "must be a JSON array of objects")
    out = []
    for i, entry in enumerate(entries):
        need.check(isinstance(entry, dict), f"[{i}] must be an object")
        need.check(entry.get("class") in classes, f"[{i}].class must be one of {classes}, got {entry.get('class')!r}")
        box = entry.get("boxPx")
        need.check(isinstance(box, list) and len(box) == 4 and all(isinstance(v, int) for v in box),
                   f"[{i}].boxPx must be 4 integers [minU,minV,maxU,maxV], got {box!r}")
        need.check(0 <= box[0] <= box[2] < width and 0 <= box[1] <= box[3] < height,
                   f"[{i}].boxPx {box} must satisfy 0 <= min <= max < size ({width}x{height})")
        depth_m = entry.get("depthM")
        need.check(isinstance(depth_m, (int, float)) and math.isfinite(depth_m) and depth_m > 0,
                   f"[{i}].depthM must be a finite number > 0, got {depth_m!r}")
        visible = entry.get("visiblePixels", 1)
        need.check(isinstance(visible, int) and visible >= 0, f"[{i}].visiblePixels must be an int >= 0")
        out.append(BoxObject(classes.index(entry["class"]), tuple(box), float(depth_m), visible))
    return tuple(out)


def _read_json(path: str):
    if not os.path.isfile(path):
        raise DatasetError(path, "missing")
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (ValueError, UnicodeDecodeError) as error:
        raise DatasetError(path, f"not valid JSON: {error}") from None


def _positive_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _names(value) -> bool:
    return (isinstance(value, list) and value and all(isinstance(v, str) and v for v in value)
            and len(set(value)) == len(value))


class _Rules:
    def __init__(self, path: str):
        self.path = path

    def check(self, ok: bool, rule: str) -> None:
        if not ok:
            raise DatasetError(self.path, rule)

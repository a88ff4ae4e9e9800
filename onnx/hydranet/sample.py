"""The parity sample: deterministic images and the PyTorch outputs for them, as raw little-endian files that the C#
side loads to check ONNX Runtime against PyTorch (DIR/sample/manifest.json names each file's dtype and shape)."""

import json
import os

import numpy as np
import torch

from .config import HEAD_NAMES, INPUT_NAME

NOISE_STD = 12.0  # grey levels: enough texture for many heatmap peaks, so all K rows are real, untied detections


def make_images(batch: int, height: int, width: int, seed: int) -> np.ndarray:
    """uint8 [batch, height, width, 3]: a smooth per-image colour pattern plus seeded noise (numpy's PCG64, which is
    stable across platforms and numpy versions for a given seed)."""
    rng = np.random.Generator(np.random.PCG64(seed))
    y = np.linspace(0.0, 1.0, height, dtype=np.float64)[:, None]
    x = np.linspace(0.0, 1.0, width, dtype=np.float64)[None, :]
    images = np.empty((batch, height, width, 3), dtype=np.uint8)
    for n in range(batch):
        for ch in range(3):
            phase = rng.uniform(0.0, 2.0 * np.pi)
            freq = rng.uniform(1.0, 4.0)
            smooth = 128.0 + 80.0 * np.sin(2.0 * np.pi * freq * (x + 0.5 * y) + phase) * np.cos(np.pi * freq * y)
            noisy = smooth + rng.normal(0.0, NOISE_STD, size=(height, width))
            images[n, :, :, ch] = np.clip(np.rint(noisy), 0, 255).astype(np.uint8)
    return images


def write_sample(directory: str, images: np.ndarray, outputs: tuple) -> dict:
    """Writes images.u8, <head>.f32 per output and manifest.json into directory; returns the manifest."""
    os.makedirs(directory, exist_ok=True)
    tensors = {INPUT_NAME: _write(directory, f"{INPUT_NAME}.u8", images, "uint8", "input")}
    for name, value in zip(HEAD_NAMES, outputs):
        array = value.detach().cpu().numpy() if isinstance(value, torch.Tensor) else value
        tensors[name] = _write(directory, f"{name}.f32", array, "float32", "output")
    manifest = {
        "byte_order": "little",
        "layout": "row-major (C order), no header",
        "source": "PyTorch eval-mode forward of the exported model's weights; compare ONNX Runtime with a tolerance",
        "tensors": tensors,
    }
    with open(os.path.join(directory, "manifest.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(manifest, f, indent=2, sort_keys=True)
        f.write("\n")
    return manifest


def _write(directory: str, file_name: str, array: np.ndarray, dtype: str, role: str) -> dict:
    data = np.ascontiguousarray(array, dtype=np.dtype(dtype).newbyteorder("<"))
    with open(os.path.join(directory, file_name), "wb") as f:
        f.write(data.tobytes())
    return {"file": file_name, "dtype": dtype, "shape": list(data.shape), "role": role}

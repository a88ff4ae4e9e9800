"""Checkpoints: model + optimizer + step + RNG states + the options that made them, one file per saved step
(OUT/checkpoints/step-NNNNNNNN.pt), written to a temporary name and renamed so a kill never leaves half a file."""

import os
import random
import re

import numpy as np
import torch

CHECKPOINT_DIR = "checkpoints"
NAME = re.compile(r"^step-(\d{8})\.pt$")


def path_for(out_dir: str, step: int) -> str:
    return os.path.join(out_dir, CHECKPOINT_DIR, f"step-{step:08d}.pt")


def latest(out_dir: str):
    """The path of the highest-step checkpoint in out_dir, or None."""
    folder = os.path.join(out_dir, CHECKPOINT_DIR)
    if not os.path.isdir(folder):
        return None
    steps = sorted(int(m.group(1)) for m in map(NAME.match, os.listdir(folder)) if m)
    return path_for(out_dir, steps[-1]) if steps else None


def remove_all(out_dir: str) -> int:
    """Deletes out_dir's step-*.pt checkpoints (nothing else); returns how many."""
    folder = os.path.join(out_dir, CHECKPOINT_DIR)
    names = [n for n in os.listdir(folder) if NAME.match(n)] if os.path.isdir(folder) else []
    for name in names:
        os.remove(os.path.join(folder, name))
    return len(names)


def save(out_dir: str, step: int, model, optimizer, run: dict) -> str:
    path = path_for(out_dir, step)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    state = {
        "step": step,
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict(),
        "run": run,
        "rng": {"torch": torch.get_rng_state(), "numpy": np.random.get_state(), "python": random.getstate()},
    }
    temporary = path + ".tmp"
    torch.save(state, temporary)
    os.replace(temporary, path)
    return path


def load(path: str, model, optimizer) -> dict:
    """Restores model, optimizer and RNG states in place; returns the checkpoint (step, run)."""
    state = torch.load(path, map_location="cpu")
    model.load_state_dict(state["model"])
    optimizer.load_state_dict(state["optimizer"])
    torch.set_rng_state(state["rng"]["torch"])
    np.random.set_state(state["rng"]["numpy"])
    random.setstate(state["rng"]["python"])
    return state


def load_matching_weights(path: str, model) -> tuple:
    """Warm start: copies into model every tensor of path's model whose name and shape match (a checkpoint of another
    run, e.g. an earlier model before a head was widened); the rest keep their fresh initialisation. Neither the
    optimizer, the step nor the RNG is taken. Returns (loaded names, fresh names) of model's state."""
    if not os.path.isfile(path):
        raise FileNotFoundError(f"{path}: no such checkpoint to initialise from")
    saved = torch.load(path, map_location="cpu")
    if not isinstance(saved, dict) or "model" not in saved:
        raise ValueError(f"{path}: not an onnx/train checkpoint (no 'model' state)")
    own = model.state_dict()
    matching = {name: tensor for name, tensor in saved["model"].items()
                if name in own and own[name].shape == tensor.shape}
    model.load_state_dict(matching, strict=False)
    return sorted(matching), sorted(set(own) - set(matching))

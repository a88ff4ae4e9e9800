"""One training run: dataset -> HydraNet (train mode) -> Adam on the weighted losses -> checkpoints, log, plot ->
ONNX export under the contract (the export path of hydranet/export.py).

Deterministic given the seed and the thread count: seeded weights (build_model), data order from a seeded generator
per epoch (batches.py), torch.use_deterministic_algorithms, RNG states saved in every checkpoint. A run resumed from
its step-N checkpoint ends bit-identical to one that never stopped.
"""

import os
import time

import torch

from ..config import BACKBONE_MAX_STRIDE, HydraConfig
from ..export import export_onnx, write_model
from ..model import build_model
from ..sample import make_images, write_sample
from . import checkpoint
from .batches import batch_indices, collate, flips_for, steps_per_epoch
from .dataset import MANIFEST_FILE, DatasetError, open_dataset
from .log import TrainingLog, ValidationLog, write_plot
from .losses import LOSS_NAMES, compute_losses
from .maps import head_maps
from .options import TrainOptions

LOG_FILE, VALIDATION_FILE, PLOT_FILE, MODEL_DIR = "log.csv", "validation.csv", "loss.svg", "model"
RESUME_AUTO, RESUME_REQUIRE, RESUME_NEVER = "auto", "require", "never"
# Options that must match the checkpoint to resume it; the budget and the checkpoint interval may change.
RESUME_KEYS = ("variant", "stride", "batch", "learning_rate", "seed", "threads", "max_objects", "loss_weights",
               "schedule", "warmup_steps", "flip")
SAMPLE_IMAGES = 2


class ResumeError(ValueError):
    pass


def train(data_dir: str, out_dir: str, options: TrainOptions, resume: str = RESUME_AUTO, export: bool = True,
          report=print, stop_at_step: int = 0, init_from: str = "") -> dict:
    """Trains to options' step budget; returns {"step", "losses" (last step), "checkpoint", "model" (or None)}.
    stop_at_step > 0 ends the run early at that step with a checkpoint and no export, as a run killed after that
    checkpoint would: the learning-rate schedule still follows the whole budget, so resuming it continues the same
    curve. init_from (a checkpoint of another run) warm-starts a run that starts at step 0: every weight whose name
    and shape match is copied, the rest stay freshly initialised (checkpoint.load_matching_weights); a resumed run
    ignores it, its own checkpoint already holds the warm-started weights."""
    dataset = open_dataset(data_dir)  # raises DatasetError before anything is written
    items = dataset.split("train")
    if not items:
        raise ResumeError(f"{data_dir}: no sample has split 'train'")
    for name, value in (("heightPx", dataset.height), ("widthPx", dataset.width)):
        if value % BACKBONE_MAX_STRIDE:
            raise DatasetError(os.path.join(data_dir, MANIFEST_FILE),
                               f"mode.{name} {value} must be a multiple of {BACKBONE_MAX_STRIDE} (the model input "
                               f"size is the mode; resizing is not implemented)")
    config = HydraConfig(options.variant, dataset.height, dataset.width, options.output_stride, options.max_objects,
                         dataset.classes)
    per_epoch = steps_per_epoch(len(items), options.batch)
    total_steps = options.steps or options.epochs * per_epoch
    run = {"options": options.as_dict(), "classes": list(dataset.classes),
           "height": dataset.height, "width": dataset.width}

    torch.set_num_threads(options.threads)
    torch.use_deterministic_algorithms(True)
    model = build_model(config, options.seed).train()
    optimizer = torch.optim.Adam(model.parameters(), lr=options.learning_rate)
    os.makedirs(out_dir, exist_ok=True)
    step, last = 0, checkpoint.latest(out_dir)
    if resume == RESUME_REQUIRE and last is None:
        raise ResumeError(f"{out_dir}: --resume given but there is no checkpoint in {checkpoint.CHECKPOINT_DIR}/")
    if resume != RESUME_NEVER and last is not None:
        saved = torch.load(last, map_location="cpu")["run"]
        _check_resumable(last, saved, run)
        step = checkpoint.load(last, model, optimizer)["step"]
        report(f"resumed from {last} (step {step})")
    else:
        if last is not None:  # --no-resume: the old run's checkpoints would be resumed by the next automatic start
            removed = checkpoint.remove_all(out_dir)
            report(f"starting over: removed {removed} checkpoint(s) from {out_dir}")
        torch.manual_seed(options.seed)
        if init_from:
            loaded, fresh = checkpoint.load_matching_weights(init_from, model)
            run["init_from"] = os.path.abspath(init_from)
            report(f"initialised {len(loaded)} of {len(loaded) + len(fresh)} tensors from {init_from}; fresh: "
                   + (", ".join(fresh) if fresh else "none"))
    log = TrainingLog(os.path.join(out_dir, LOG_FILE), step)
    validation_items = dataset.split("val")
    validation_log = ValidationLog(os.path.join(out_dir, VALIDATION_FILE), step)
    report(f"training {options.variant} {dataset.width}x{dataset.height} S={config.stride} on {len(items)} images, "
           f"{per_epoch} steps/epoch, steps {step}..{total_steps}, batch {options.batch}")

    saved_path, values = last if step else None, {}
    end_step = min(stop_at_step, total_steps) if stop_at_step > 0 else total_steps
    while step < end_step:
        started = time.perf_counter()
        epoch, indices = batch_indices(step, len(items), options.batch, options.seed)
        flips = flips_for(step, len(indices), options.seed) if options.flip else None
        images, targets = collate([items[i] for i in indices], dataset, config.stride, flips)
        total, losses = compute_losses(head_maps(model, images), targets, options.loss_weights, config.stride)
        for group in optimizer.param_groups:
            group["lr"] = options.learning_rate_at(step, total_steps)
        optimizer.zero_grad(set_to_none=True)
        total.backward()
        optimizer.step()
        step += 1
        values = {name: float(losses[name]) for name in LOSS_NAMES}
        log.append(step, epoch, float(total), values, time.perf_counter() - started)
        if step % options.checkpoint_every == 0 or step == end_step:
            saved_path = checkpoint.save(out_dir, step, model, optimizer, run)
            report(f"step {step}/{total_steps} total {float(total):.4f} "
                   + " ".join(f"{n} {v:.4f}" for n, v in values.items()) + f" -> {saved_path}")
        if validation_items and options.validate_every and (step % options.validate_every == 0
                                                            or step == total_steps):
            mean = validation_losses(model, validation_items, dataset, config, options)
            validation_log.append(step, mean)
            report(f"step {step} validation ({len(validation_items)} images) total {mean['total']:.4f} "
                   + " ".join(f"{n} {mean[n]:.4f}" for n in LOSS_NAMES))
    write_plot(os.path.join(out_dir, LOG_FILE), os.path.join(out_dir, PLOT_FILE))

    model_path = None
    if export and step == total_steps:
        model_path = export_trained(model, config, os.path.join(out_dir, MODEL_DIR),
                                    f"trained {step} steps on {os.path.basename(os.path.abspath(data_dir))} "
                                    f"(onnx/train, seed {options.seed})", options.seed)
        report(f"wrote {model_path}")
    return {"step": step, "losses": values, "checkpoint": saved_path, "model": model_path}


def validation_losses(model, items, dataset, config: HydraConfig, options: TrainOptions) -> dict:
    """Mean losses over the val split, in eval mode (BN running statistics: the exported model's behaviour), no
    mirroring; the model is back in train mode after. Touches no RNG, so it does not change the training run."""
    model.eval()
    sums, images_seen = {name: 0.0 for name in ("total",) + LOSS_NAMES}, 0
    with torch.no_grad():
        for start in range(0, len(items), options.batch):
            chunk = items[start:start + options.batch]
            images, targets = collate(chunk, dataset, config.stride)
            total, losses = compute_losses(head_maps(model, images), targets, options.loss_weights, config.stride)
            sums["total"] += float(total) * len(chunk)
            for name in LOSS_NAMES:
                sums[name] += float(losses[name]) * len(chunk)
            images_seen += len(chunk)
    model.train()
    return {name: value / images_seen for name, value in sums.items()}


def export_trained(model, config: HydraConfig, out_dir: str, weights_doc: str, seed: int) -> str:
    """Eval mode (BN running statistics, folded by the exporter) -> OUT/model.onnx + .sha256 + parity sample."""
    model.eval()
    write_model(export_onnx(model, config, weights_doc), config, out_dir)
    images = make_images(SAMPLE_IMAGES, config.height, config.width, seed)
    with torch.no_grad():
        outputs = model(torch.from_numpy(images))
    write_sample(os.path.join(out_dir, "sample"), images, outputs)
    return os.path.join(out_dir, "model.onnx")


def _check_resumable(path: str, saved: dict, run: dict) -> None:
    for key in ("classes", "height", "width"):
        if saved[key] != run[key]:
            raise ResumeError(f"{path}: was trained with {key} {saved[key]!r}, this run has {run[key]!r}")
    for key in RESUME_KEYS:
        if saved["options"][key] != run["options"][key]:
            raise ResumeError(f"{path}: was trained with {key} {saved['options'][key]!r}, this run has "
                              f"{run['options'][key]!r} (use another --out, or --no-resume to start over)")

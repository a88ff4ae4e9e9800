"""onnx/train: trains a HydraNet on an `octopilot dataset export` folder, then exports it to ONNX (contract v1).

    onnx/train --data DIR --out OUT [--variant tiny] (--steps N | --epochs E) [--batch 8] [--lr 1e-3] [--seed 0]

writes OUT/checkpoints/step-*.pt, OUT/log.csv, OUT/validation.csv, OUT/loss.svg and OUT/model/{model.onnx,model.onnx.sha256,sample/}.
A run finding checkpoints in OUT resumes from the last one; --init-from CHECKPOINT warm-starts a new run from another
run's weights. Exit 2: the dataset or the options are refused.
"""

import argparse
import sys

from ..config import BACKBONES, STRIDES
from . import options as defaults
from .dataset import DatasetError
from .loop import RESUME_AUTO, RESUME_NEVER, RESUME_REQUIRE, ResumeError, train
from .options import TrainOptions

EXIT_REFUSED = 2


def parse_args(argv):
    p = argparse.ArgumentParser(prog="onnx/train", description=__doc__.split("\n\n")[0])
    p.add_argument("--data", required=True, help="dataset folder (octopilot-dataset/1)")
    p.add_argument("--out", required=True, help="output folder: checkpoints, log, plot, model")
    p.add_argument("--variant", choices=BACKBONES, default="tiny", help="backbone configuration")
    p.add_argument("--stride", type=int, choices=STRIDES, default=0, help="output stride (default: the variant's)")
    budget = p.add_mutually_exclusive_group(required=True)
    budget.add_argument("--steps", type=int, default=0, help="total optimizer steps (a resumed run counts from 0)")
    budget.add_argument("--epochs", type=int, default=0, help="total epochs over the train split")
    p.add_argument("--batch", type=int, default=defaults.DEFAULT_BATCH, help="images per step")
    p.add_argument("--lr", type=float, default=defaults.DEFAULT_LEARNING_RATE, help="Adam learning rate")
    p.add_argument("--seed", type=int, default=0, help="weights, data order")
    p.add_argument("--threads", type=int, default=defaults.DEFAULT_THREADS, help="torch CPU threads")
    p.add_argument("--checkpoint-every", type=int, default=defaults.DEFAULT_CHECKPOINT_EVERY, help="steps")
    p.add_argument("--max-objects", type=int, default=defaults.DEFAULT_MAX_OBJECTS, help="K of the exported model")
    p.add_argument("--schedule", choices=defaults.SCHEDULES, default=defaults.DEFAULT_SCHEDULE,
                   help="learning-rate schedule: linear warm-up then cosine decay, or constant")
    p.add_argument("--warmup-steps", type=int, default=defaults.DEFAULT_WARMUP_STEPS, help="steps of linear warm-up")
    p.add_argument("--no-flip", action="store_true", help="do not mirror half the images left-right")
    p.add_argument("--validate-every", type=int, default=defaults.DEFAULT_VALIDATE_EVERY,
                   help="steps between validation passes on the val split (0: never)")
    resume = p.add_mutually_exclusive_group()
    resume.add_argument("--resume", action="store_true", help="require a checkpoint in OUT to resume from")
    resume.add_argument("--no-resume", action="store_true", help="start from scratch even if OUT has checkpoints")
    p.add_argument("--no-export", action="store_true", help="skip the ONNX export at the end")
    p.add_argument("--init-from", default="", metavar="CHECKPOINT",
                   help="warm start a new run from another run's checkpoint: weights whose name and shape match are "
                        "copied, the rest start fresh (ignored when resuming)")
    return p.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    try:
        options = TrainOptions(variant=args.variant, stride=args.stride, steps=args.steps, epochs=args.epochs,
                               batch=args.batch, learning_rate=args.lr, seed=args.seed, threads=args.threads,
                               checkpoint_every=args.checkpoint_every, max_objects=args.max_objects,
                               schedule=args.schedule, warmup_steps=args.warmup_steps, flip=not args.no_flip,
                               validate_every=args.validate_every)
        resume = RESUME_REQUIRE if args.resume else RESUME_NEVER if args.no_resume else RESUME_AUTO
        train(args.data, args.out, options, resume, export=not args.no_export, init_from=args.init_from)
    except (DatasetError, ResumeError, ValueError, FileNotFoundError) as error:
        print(f"onnx/train: error: {error}", file=sys.stderr)
        return EXIT_REFUSED
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Exports a HydraNet to ONNX under contract v1, with its SHA-256 and a PyTorch parity sample.

    onnx/export --backbone tiny --height 288 --width 384 --out onnx/models/hydranet-tiny-288x384

writes OUT/model.onnx, OUT/model.onnx.sha256 (sha256sum format) and OUT/sample/ (see sample.py). Deterministic:
the same arguments give byte-identical files.
"""

import argparse
import hashlib
import io
import os
import sys
import warnings

import onnx
import torch

from .check import BATCH_DIM, check_model
from .config import BACKBONES, DEFAULT_CLASSES, DEFAULT_STRIDE, HEAD_NAMES, INPUT_NAME, STRIDES, HydraConfig
from .metadata import contract_metadata
from .model import build_model
from .sample import make_images, write_sample

OPSET = 17
MODEL_FILE = "model.onnx"


def make_deterministic(seed: int) -> None:
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    # One thread: a different split of a conv's reduction could change the sample outputs in the last bit.
    torch.set_num_threads(1)


UNTRAINED_DOC = "untrained (random weights)"


def export_onnx(model: torch.nn.Module, config: HydraConfig, weights_doc: str = UNTRAINED_DOC) -> onnx.ModelProto:
    """Traces model (eval mode, BN folded) to ONNX and stamps the contract metadata; weights_doc says in the file's
    doc_string where the weights came from."""
    example = torch.zeros(1, config.height, config.width, 3, dtype=torch.uint8)
    buffer = io.BytesIO()
    # The exporter warns once per traced constant that it cannot shape-infer it; the outputs' shapes are re-inferred
    # below with onnx and checked against the contract, so the warning says nothing actionable.
    warnings.filterwarnings("ignore", message="The shape inference of prim::Constant type is missing")
    with torch.no_grad():
        torch.onnx.export(
            model, (example,), buffer,
            input_names=[INPUT_NAME], output_names=list(HEAD_NAMES),
            dynamic_axes={name: {0: BATCH_DIM} for name in (INPUT_NAME, *HEAD_NAMES)},
            opset_version=OPSET, do_constant_folding=True, training=torch.onnx.TrainingMode.EVAL,
            export_params=True, keep_initializers_as_inputs=False, verbose=False)
    proto = onnx.load_model_from_string(buffer.getvalue())
    # torch 1.13's exporter cannot see through TopK's constant K and declares `objects` as [N, <symbol>, 7];
    # onnx's own shape inference gets [N, K, 7] from the same nodes, so declare what it infers (check_model then
    # holds both the declaration and the inference to the contract).
    inferred = onnx.shape_inference.infer_shapes(proto, check_type=True, strict_mode=True)
    del proto.graph.output[:]
    proto.graph.output.extend(inferred.graph.output)
    del proto.metadata_props[:]
    for key, value in contract_metadata(config).items():
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, value
    proto.doc_string = (f"Octopilot HydraNet, backbone {config.backbone}, {weights_doc}: "
                        f"contract v1, see onnx/CONTRACT.md")
    return proto


def write_model(proto: onnx.ModelProto, config: HydraConfig, out_dir: str) -> str:
    """Checks proto against the contract, then writes out_dir/model.onnx and its .sha256; returns the hex digest."""
    check_model(proto, config)
    data = proto.SerializeToString(deterministic=True)
    digest = hashlib.sha256(data).hexdigest()
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, MODEL_FILE), "wb") as f:
        f.write(data)
    with open(os.path.join(out_dir, MODEL_FILE + ".sha256"), "w", encoding="ascii", newline="\n") as f:
        f.write(f"{digest}  {MODEL_FILE}\n")
    return digest


def export(config: HydraConfig, out_dir: str, seed: int = 0, sample_batch: int = 2) -> str:
    """Writes model, checksum and sample into out_dir; returns the model's SHA-256 hex digest."""
    if sample_batch < 1:
        raise ValueError(f"sample_batch must be >= 1, got {sample_batch}")
    make_deterministic(seed)
    model = build_model(config, seed)
    proto = export_onnx(model, config)
    digest = write_model(proto, config, out_dir)
    images = make_images(sample_batch, config.height, config.width, seed)
    with torch.no_grad():
        outputs = model(torch.from_numpy(images))
    write_sample(os.path.join(out_dir, "sample"), images, outputs)
    return digest


def parse_args(argv):
    p = argparse.ArgumentParser(prog="onnx/export", description=__doc__.split("\n\n")[0])
    p.add_argument("--backbone", choices=BACKBONES, default="tiny")
    p.add_argument("--height", type=int, default=288, help="input height H in pixels (multiple of 32)")
    p.add_argument("--width", type=int, default=384, help="input width W in pixels (multiple of 32)")
    p.add_argument("--stride", type=int, choices=STRIDES, help="output stride S (default: 4 for tiny, 8 otherwise)")
    p.add_argument("--max-objects", type=int, default=32, help="K, rows of the objects output")
    p.add_argument("--classes", default=",".join(DEFAULT_CLASSES), help="comma-separated class names")
    p.add_argument("--seed", type=int, default=0, help="weights and sample images")
    p.add_argument("--sample-batch", type=int, default=2, help="images in the parity sample")
    p.add_argument("--out", required=True, help="output folder")
    return p.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    stride = args.stride if args.stride is not None else DEFAULT_STRIDE[args.backbone]
    try:
        config = HydraConfig(args.backbone, args.height, args.width, stride, args.max_objects,
                             tuple(args.classes.split(",")))
    except ValueError as error:
        print(f"onnx/export: {error}", file=sys.stderr)
        return 2
    digest = export(config, args.out, args.seed, args.sample_batch)
    size = os.path.getsize(os.path.join(args.out, MODEL_FILE))
    print(f"wrote {os.path.join(args.out, MODEL_FILE)} ({size} bytes, sha256 {digest})")
    print("metadata: " + ", ".join(f"{k}={v}" for k, v in contract_metadata(config).items()))
    print(f"wrote {os.path.join(args.out, 'sample')} ({args.sample_batch} images, PyTorch outputs, manifest.json)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Checks an exported ModelProto against the contract before it is written: onnx.checker, metadata, and the
input/output signature both as declared and as onnx.shape_inference derives it from the graph."""

import onnx
from onnx import TensorProto

from .config import HEAD_NAMES, INPUT_NAME, HydraConfig
from .metadata import contract_metadata

BATCH_DIM = "N"  # the symbolic batch axis of the input and of every output


def expected_signature(config: HydraConfig) -> dict:
    """name -> (elem_type, dims) with BATCH_DIM for the symbolic axis."""
    grid = (BATCH_DIM, 1, config.grid_height, config.grid_width)
    return {
        INPUT_NAME: (TensorProto.UINT8, (BATCH_DIM, config.height, config.width, 3)),
        "lanes": (TensorProto.FLOAT, grid),
        "drivable": (TensorProto.FLOAT, grid),
        "depth": (TensorProto.FLOAT, grid),
        "objects": (TensorProto.FLOAT, (BATCH_DIM, config.max_objects, 7)),
        "solid_lines": (TensorProto.FLOAT, grid),
    }


def signature_of(values) -> dict:
    """name -> (elem_type, dims) for ValueInfoProtos; a symbolic dim reads as its name, an unknown one as None."""
    out = {}
    for value in values:
        tensor = value.type.tensor_type
        dims = tuple(d.dim_param if d.HasField("dim_param") else d.dim_value if d.HasField("dim_value") else None
                     for d in tensor.shape.dim)
        out[value.name] = (tensor.elem_type, dims)
    return out


def check_model(model: onnx.ModelProto, config: HydraConfig) -> None:
    """Raises ValueError naming the broken rule and the actual values."""
    onnx.checker.check_model(model, full_check=True)
    expected = expected_signature(config)
    declared = signature_of(list(model.graph.input) + list(model.graph.output))
    if list(declared) != [INPUT_NAME, *HEAD_NAMES]:
        raise ValueError(f"graph inputs+outputs must be {[INPUT_NAME, *HEAD_NAMES]}, got {list(declared)}")
    if declared != expected:
        raise ValueError(f"declared signature {declared} differs from the contract's {expected}")
    # Shape inference must reach the same output shapes from the nodes alone: a symbolic dim the graph loses
    # (e.g. a Reshape baked to the export batch) would show here as a number or None instead of N.
    inferred_model = onnx.shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
    inferred = signature_of(inferred_model.graph.output)
    for name in HEAD_NAMES:
        if inferred[name] != expected[name]:
            raise ValueError(f"output {name}: shape inference gives {inferred[name]}, contract needs {expected[name]}")
    metadata = {p.key: p.value for p in model.metadata_props}
    if metadata != contract_metadata(config):
        raise ValueError(f"metadata_props {metadata} differ from {contract_metadata(config)}")

#!/usr/bin/env python3
"""Exports the foreign-layout test models of issue #9 with their manifests and PyTorch references.

    /usr/bin/python3 onnx/foreign/export_foreign.py

Writes onnx/fixtures/foreign/<case>/ (model.onnx, manifest.json, frame.rgb, frame.json, input.bin, <output>.bin,
reference.json) for every case in CASES, and onnx/fixtures/foreign/bad/ (manifests that must be refused). Deterministic:
fixed seeds, one thread, deterministic algorithms and protobuf serialisation; re-running changes no byte unless the code
or the PyTorch/ONNX versions change. What every file holds and the exact preprocessing/decoding rules:
onnx/foreign/README.md.
"""

import hashlib
import io
import json
import sys
import warnings
from pathlib import Path

sys.dont_write_bytecode = True

import numpy as np
import onnx
import torch

import decode
import nets
from frames import synthetic_frame
from preprocess import InputSpec, preprocess, preprocess_by_interpolate, resample

ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "onnx" / "fixtures" / "foreign"
OPSET = 17
SEED = 9                      # issue #9; every case reseeds with SEED + its index
MAX_FILE_BYTES = 1 << 20      # fixtures stay small: each file under 1 MiB
FORMAT_TAG = "octopilot-model-manifest/1"

INPUT_W, INPUT_H = 160, 96    # every model's input size (W x H)
CLASSES = ["car", "truck", "pedestrian"]
IMAGENET_MEAN, IMAGENET_STD = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)     # RGB order

# YOLOv5's default P3/P4/P5 anchors (models/yolov5s.yaml, pixels at 640) divided by 4 for a 160-px-wide input; every
# value is a multiple of 0.25, so exact in float32.
YOLO_STRIDES = [8, 16, 32]
YOLO_ANCHORS = [[2.5, 3.25, 4.0, 7.5, 8.25, 5.75],
                [7.5, 15.25, 15.5, 11.25, 14.75, 29.75],
                [29.0, 22.5, 39.0, 49.5, 93.25, 81.5]]
SCORE_THRESHOLD, NMS_IOU_THRESHOLD = 0.25, 0.45     # YOLOv5 detect.py defaults (the runtime's too)

CAR, TRUCK, PEDESTRIAN = 0, 1, 2
# Each plant is commented with what it exercises. Cells: stride 8 -> 20x12, 16 -> 10x6, 32 -> 5x3.
YOLO_PLANTS = [
    nets.YoloPlant(1, 1, 2, 3, CAR, 28, 20, obj_logit=6.0),           # kept: car at (40, 56)
    nets.YoloPlant(1, 0, 2, 3, CAR, 27, 19, obj_logit=3.0),           # suppressed by the car above (same cell, other anchor)
    nets.YoloPlant(1, 2, 2, 3, PEDESTRIAN, 22, 22, obj_logit=4.0),    # kept: overlaps the car, other class (per-class NMS)
    nets.YoloPlant(2, 1, 3, 1, TRUCK, 60, 40, obj_logit=5.0),         # kept: truck at (112, 48), stride 32 (class filter in case 3)
    nets.YoloPlant(0, 2, 16, 9, CAR, 12, 8, obj_logit=4.5),           # kept: small car at (132, 76)
    nets.YoloPlant(0, 2, 18, 9, CAR, 12, 8, obj_logit=3.5),           # kept: its neighbour 16 px right, no overlap
    nets.YoloPlant(0, 0, 1, 1, PEDESTRIAN, 6, 10, obj_logit=5.5),     # kept: top left, reaches into letterbox bar (clip)
    nets.YoloPlant(0, 1, 10, 5, CAR, 10, 12, obj_logit=-2.2),         # rejected: objectness 0.1 under the threshold
    nets.YoloPlant(1, 1, 7, 2, CAR, 20, 20, obj_logit=6.0, class_logit=-3.0),  # rejected: obj 1.0 but class 0.05 (score = obj*cls)
]

# Box-list plants: (cell, class, score logit, size as a fraction of the input). Grid 10x6 (stride 16).
BOX_PLANTS = [
    nets.BoxPlant(2, 2, CAR, 6.0, 0.20, 0.25),
    nets.BoxPlant(7, 1, TRUCK, 5.0, 0.30, 0.30),
    nets.BoxPlant(5, 4, PEDESTRIAN, 4.0, 0.06, 0.20),
    nets.BoxPlant(0, 3, CAR, 3.0, 0.15, 0.15),       # left edge: part of it lies where the centre crop cut the frame
    nets.BoxPlant(9, 5, PEDESTRIAN, -1.5, 0.05, 0.15),  # score 0.18: in the top-K, under the 0.3 threshold
]
BOX_TOP_K, BOX_SCORE_THRESHOLD = 20, 0.3


def make_deterministic(seed: int) -> None:
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)


def dumps(value, indent: int = 0) -> str:
    """JSON with lists of scalars on one line (anchors, shapes, boxes stay readable)."""
    pad, inner = "  " * indent, "  " * (indent + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{json.dumps(k)}: {dumps(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        if all(isinstance(v, list) and not any(isinstance(x, (dict, list)) for x in v) for v in value):
            return "[" + ", ".join(dumps(v) for v in value) + "]"
        return "[\n" + ",\n".join(inner + dumps(v, indent + 1) for v in value) + "\n" + pad + "]"
    if isinstance(value, list):
        return "[" + ", ".join(json.dumps(v) for v in value) + "]"
    return json.dumps(value)


def write_json(path: Path, value) -> None:
    path.write_text(dumps(value) + "\n", encoding="utf-8")


def export_onnx(model, example: torch.Tensor, input_name: str, output_names, expected_shapes, dynamic_batch: bool,
                doc: str) -> bytes:
    """Traces to ONNX (opset 17, eval, constant folding), declares the output shapes onnx infers, checks them."""
    buffer = io.BytesIO()
    warnings.filterwarnings("ignore", message="The shape inference of prim::Constant type is missing")
    axes = {name: {0: "N"} for name in (input_name, *output_names)} if dynamic_batch else None
    with torch.no_grad():
        torch.onnx.export(model, (example,), buffer, input_names=[input_name], output_names=list(output_names),
                          dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True,
                          training=torch.onnx.TrainingMode.EVAL, export_params=True,
                          keep_initializers_as_inputs=False, verbose=False)
    proto = onnx.load_model_from_string(buffer.getvalue())
    # torch 1.13 leaves TopK-derived dims symbolic; onnx's shape inference resolves them from the same nodes.
    inferred = onnx.shape_inference.infer_shapes(proto, check_type=True, strict_mode=True)
    del proto.graph.output[:]
    proto.graph.output.extend(inferred.graph.output)
    proto.doc_string = doc
    onnx.checker.check_model(proto, full_check=True)
    for value, (name, shape) in zip(proto.graph.output, expected_shapes.items()):
        dims = [d.dim_param if d.dim_param else d.dim_value for d in value.type.tensor_type.shape.dim]
        want = (["N"] + list(shape[1:])) if dynamic_batch else list(shape)
        assert value.name == name and dims == want, f"output {value.name} declared {dims}, expected {name} {want}"
    dims = [d.dim_param if d.dim_param else d.dim_value for d in proto.graph.input[0].type.tensor_type.shape.dim]
    want = (["N"] + list(example.shape[1:])) if dynamic_batch else list(example.shape)
    assert proto.graph.input[0].name == input_name and dims == want, f"input declared {dims}, expected {want}"
    return proto.SerializeToString(deterministic=True)


def input_spec(manifest_input: dict) -> InputSpec:
    """The manifest's input block -> offsets/divisors on raw bytes in the model's channel order (as the C# reader)."""
    scaling = manifest_input.get("scaling", "none")
    if scaling == "none":
        offset, divisor = (0.0,) * 3, (1.0,) * 3
    elif scaling == "divide255":
        offset, divisor = (0.0,) * 3, (255.0,) * 3
    elif "mean" in scaling:
        offset, divisor = tuple(255 * m for m in scaling["mean"]), tuple(255 * s for s in scaling["std"])
    else:
        offset, divisor = tuple(scaling["offset"]), tuple(scaling["divisor"])
    return InputSpec(manifest_input["name"], manifest_input["layout"], manifest_input.get("dtype", "float32"),
                     manifest_input.get("colourOrder", "rgb"), offset, divisor, manifest_input.get("fit", "stretch"),
                     manifest_input.get("fillValue", 114), INPUT_W, INPUT_H)


def tensor_entry(name: str, file: str, array: np.ndarray, model_dtype: str, stored_dtype: str) -> dict:
    return {"name": name, "file": file, "shape": list(array.shape), "modelDtype": model_dtype, "storedDtype": stored_dtype}


def run_case(index: int, case: dict) -> dict:
    """Builds, runs, exports and writes one case; returns its summary (for the printout)."""
    name = case["name"]
    make_deterministic(SEED + index)
    model = case["build"]().eval()
    manifest = {"format": FORMAT_TAG, **case["manifest"]}
    spec = input_spec(manifest["input"])
    frame = synthetic_frame(*case["frame_wh"])
    frames = [frame] + ([np.ascontiguousarray(frame[:, ::-1])] if case.get("mirror_batch") else [])

    images, ties = [], {"exact": 0, "near": 0}
    for f in frames:
        tensor, fit, frame_ties = preprocess(f, spec)
        cross = preprocess_by_interpolate(f, fit, spec.fill)
        gap = float(np.max(np.abs(resample(f, fit, spec.fill) - cross)))
        assert gap < 1e-9, f"{name}: resample differs from F.interpolate by {gap}"
        images.append(tensor)
        for k, v in (frame_ties or {}).items():
            ties[k] += v
    batch = np.concatenate(images, 0)
    example = torch.from_numpy(batch)
    with torch.no_grad():
        outputs = model(example)
    outputs = outputs if isinstance(outputs, tuple) else (outputs,)
    names = case["outputs"]
    out_arrays = {n: o.numpy() for n, o in zip(names, outputs)}

    doc = f"Octopilot foreign-layout test model '{name}' (issue #9): random weights, see onnx/foreign/README.md"
    model_bytes = export_onnx(model, example, spec.name, names, {n: a.shape for n, a in out_arrays.items()},
                              case.get("mirror_batch", False), doc)

    d = OUT_DIR / name
    d.mkdir(parents=True, exist_ok=True)
    (d / "model.onnx").write_bytes(model_bytes)
    write_json(d / "manifest.json", manifest)
    (d / "frame.rgb").write_bytes(frame.tobytes())
    frame_json = {"file": "frame.rgb", "widthPx": frame.shape[1], "heightPx": frame.shape[0], "channels": 3,
                  "dtype": "uint8", "layout": "hwc", "colourOrder": "rgb"}
    if case.get("mirror_batch"):
        (d / "frame-mirrored.rgb").write_bytes(frames[1].tobytes())
        frame_json["batch"] = ["frame.rgb", "frame-mirrored.rgb"]
    write_json(d / "frame.json", frame_json)
    (d / "input.bin").write_bytes(batch.astype(batch.dtype.newbyteorder("<")).tobytes())
    for n, a in out_arrays.items():
        (d / f"{n}.bin").write_bytes(a.astype("<f4").tobytes())

    reference = {
        "case": name,
        "frames": frame_json.get("batch", ["frame.rgb"]),
        "fit": {**fit.as_json(), "inputWidthPx": INPUT_W, "inputHeightPx": INPUT_H,
                **({"fillValue": spec.fill} if spec.fit == "letterbox" else {})},
        "input": {**tensor_entry(spec.name, "input.bin", batch, spec.dtype, spec.dtype), "layout": spec.layout,
                  "colourOrder": spec.colour_order, "offset": list(spec.offset), "divisor": list(spec.divisor)},
        "outputs": [tensor_entry(n, f"{n}.bin", a, str(a.dtype), "float32") for n, a in out_arrays.items()],
    }
    if spec.dtype == "uint8":
        assert ties["near"] == 0, f"{name}: {ties['near']} uint8 values within 1e-3 of a rounding tie"
        reference["input"]["uint8Rounding"] = "floor(v + 0.5)"
        reference["input"]["uint8ExactHalfTies"] = ties["exact"]
    summary = {"name": name, "input": (spec.name, list(batch.shape), spec.dtype),
               "outputs": [(n, list(a.shape), str(a.dtype)) for n, a in out_arrays.items()], "detections": None}
    if "decode" in case:
        reference["detections"] = case["decode"](model, example, out_arrays, manifest, fit)
        summary["detections"] = reference["detections"]["count"]
    write_json(d / "reference.json", reference)
    return summary


# ---- per-case decoding and margin checks -----------------------------------------------------------------------------

def decode_yolo_case(model, example, outputs, manifest, fit) -> dict:
    h = manifest["heads"][0]
    levels = decode.yolo_levels(h["strides"], h["anchors"], INPUT_W, INPUT_H)
    kept, rows, over, suppressed = decode.decode_yolo(
        outputs[h["output"]][0], levels, manifest["classes"], h.get("classFilter"), h["sigmoidApplied"],
        h.get("scoreThreshold", SCORE_THRESHOLD), h.get("nmsIouThreshold", NMS_IOU_THRESHOLD), fit)
    thr, iou_thr = h.get("scoreThreshold", SCORE_THRESHOLD), h.get("nmsIouThreshold", NMS_IOU_THRESHOLD)
    # Margins: no score near the threshold, no same-class IoU near the NMS threshold, so float differences between
    # PyTorch and ONNX Runtime cannot change what is kept.
    close = [r["score"] for r in rows if 0.6 * thr < r["score"] < 1.6 * thr]
    assert not close, f"scores too close to the threshold {thr}: {close}"
    for i, a in enumerate(over):
        for b in over[i + 1:]:
            if a["classIndex"] == b["classIndex"]:
                v = decode.iou(a["boxInputPx"], b["boxInputPx"])
                assert not (0.65 * iou_thr < v < 1.35 * iou_thr), f"IoU {v} too close to {iou_thr}"
    planted = []
    for p in YOLO_PLANTS:
        row = decode.yolo_row_index(levels, p.level, p.anchor, p.cell_x, p.cell_y)
        planted.append({"row": row, "stride": levels[p.level]["stride"], "anchor": p.anchor, "cellX": p.cell_x,
                        "cellY": p.cell_y, "class": CLASSES[p.class_index],
                        "kept": any(k["row"] == row for k in kept)})
    background = max(r["score"] for r in rows if r["row"] not in {p["row"] for p in planted})
    kept_plants = [i for i, p in enumerate(planted) if p["kept"]]
    # YOLO_PLANTS 0 and 2..6 are meant to survive (their comments); the class filter may drop some of them.
    want = [i for i in (0, 2, 3, 4, 5, 6) if h.get("classFilter") is None or CLASSES[YOLO_PLANTS[i].class_index] in h["classFilter"]]
    assert kept_plants == want and len(kept) == len(want), f"kept plants {kept_plants}, expected {want} ({len(kept)} kept)"
    return {
        "decode": "yolov5",
        "sigmoidApplied": h["sigmoidApplied"], "scoreThreshold": thr, "nmsIouThreshold": iou_thr,
        "classFilter": h.get("classFilter", []),
        "rowOrder": "level (stride ascending), then anchor, then cell y, then cell x: "
                    "row = sum_{l<i} A_l*ny_l*nx_l + a*ny_i*nx_i + y*nx_i + x",
        "count": len(kept),
        "items": [plain_floats(k) for k in kept],
        "overThreshold": [plain_floats(slim(c)) for c in over],
        "suppressedByNms": [plain_floats(slim(c)) for c in suppressed],
        "planted": planted,
        "bestUnplantedScore": background,
    }


def slim(c: dict) -> dict:
    return {k: v for k, v in c.items() if k in ("row", "class", "score", "boxInputPx", "suppressedByRow", "iouWithSuppressor")}


def plain_floats(d: dict) -> dict:
    """numpy scalars -> Python floats for JSON (written with repr: nothing is rounded)."""
    out = {}
    for k, v in d.items():
        if isinstance(v, list):
            out[k] = [float(x) for x in v]
        elif isinstance(v, (np.floating, float)):
            out[k] = float(v)
        else:
            out[k] = v
    return out


def decode_box_case(model, example, outputs, manifest, fit) -> dict:
    h = manifest["heads"][0]
    boxes, scores, labels = (outputs[h[k]][0].astype(np.float32) for k in ("boxes", "scores", "labels"))
    # Margins inside the graph: TopK's order and membership and every row's argmax class must not hang on float noise.
    with torch.no_grad():
        logits = (model.head(model.body(example.float())) + model.plant).flatten(2)[0].numpy().astype(np.float64)
    s = np.sort(1 / (1 + np.exp(-logits[0])))[::-1][:BOX_TOP_K + 1]
    rel_gap = float(np.min((s[:-1] - s[1:]) / s[:-1]))
    assert rel_gap > 1e-3, f"top-K scores too close: relative gap {rel_gap}"
    cls = np.sort(logits[1:1 + len(CLASSES)], axis=0)
    class_gap = float(np.min(cls[-1] - cls[-2]))
    assert class_gap > 1e-3, f"class logits too close for argmax: {class_gap}"
    kept = decode.decode_box_list(boxes, scores, labels, manifest["classes"], h.get("classFilter"),
                                  h.get("scoreThreshold", SCORE_THRESHOLD), fit)
    thr = h.get("scoreThreshold", SCORE_THRESHOLD)
    planted_kept = sum(1 for p in BOX_PLANTS if 1 / (1 + np.exp(-p.score_logit)) >= thr)
    assert len(kept) == planted_kept, f"{len(kept)} boxes kept, {planted_kept} planted over the threshold"
    near = [float(x) for x in scores if abs(float(x) - thr) < 0.1]
    assert not near, f"box scores too close to the threshold {thr}: {near}"
    return {
        "decode": "boxList", "scoreThreshold": thr, "classFilter": h.get("classFilter", []),
        "format": h["format"], "units": h["units"], "count": len(kept),
        "items": [plain_floats(k) for k in kept],
        "minTopKRelativeGap": rel_gap, "minClassLogitGap": class_gap,
    }


# ---- the cases -------------------------------------------------------------------------------------------------------

def yolo_head(sigmoid_applied: bool, class_filter=None) -> dict:
    h = {"type": "yolo", "output": "pred", "strides": YOLO_STRIDES, "anchors": YOLO_ANCHORS,
         "sigmoidApplied": sigmoid_applied, "scoreThreshold": SCORE_THRESHOLD, "nmsIouThreshold": NMS_IOU_THRESHOLD}
    if class_filter:
        h["classFilter"] = class_filter
    return h


def yolo_net(uint8_input: bool, sigmoid: bool):
    return lambda: nets.YoloNet(YOLO_STRIDES, YOLO_ANCHORS, len(CLASSES), YOLO_PLANTS, (INPUT_H, INPUT_W), uint8_input, sigmoid)


CASES = [
    {
        "name": "seg-nchw-meanstd-bgr",
        "frame_wh": (224, 144),                 # stretch by 160/224 x 96/144 (unequal scales)
        "build": nets.SegNet,
        "outputs": ["seg", "lanes"],
        "manifest": {
            "description": "Two class maps: seg [1,2,96,160] drivable logits (softmax, channel 1), lanes [1,1,48,80] one "
                           "logit (sigmoid). BGR input with ImageNet mean/std given in the model's (BGR) channel order.",
            "input": {"name": "images", "layout": "nchw", "dtype": "float32", "colourOrder": "bgr",
                      "scaling": {"mean": list(IMAGENET_MEAN[::-1]), "std": list(IMAGENET_STD[::-1])}, "fit": "stretch"},
            "heads": [
                {"type": "segmentation", "output": "seg", "target": "drivable", "activation": "softmax", "channel": 1, "layout": "nchw"},
                {"type": "segmentation", "output": "lanes", "target": "lanes", "activation": "sigmoid", "channel": 0},
            ],
        },
    },
    {
        "name": "yolo-nhwc-letterbox",
        "frame_wh": (256, 128),                 # letterbox scale 0.625: placed 160x80, bars 8 px top and bottom
        "build": yolo_net(uint8_input=False, sigmoid=False),
        "outputs": ["pred"],
        "decode": decode_yolo_case,
        "manifest": {
            "description": "YOLOv5-style raw anchor grid pred [1,945,8] (strides 8/16/32, 3 anchors each), NHWC float "
                           "input /255, letterbox with grey 114.",
            "input": {"name": "images", "layout": "nhwc", "dtype": "float32", "colourOrder": "rgb",
                      "scaling": "divide255", "fit": "letterbox", "fillValue": 114},
            "classes": CLASSES,
            "heads": [yolo_head(sigmoid_applied=False)],
        },
    },
    {
        "name": "yolo-sigmoid-applied-uint8",
        "frame_wh": (240, 120),                 # stretch by 2/3 x 4/5
        "build": yolo_net(uint8_input=True, sigmoid=True),
        "outputs": ["pred"],
        "decode": decode_yolo_case,
        "manifest": {
            "description": "As yolo-nhwc-letterbox but the graph applies the sigmoid and takes raw uint8 NHWC bytes "
                           "(it divides by 255 itself); stretch; the class filter drops trucks.",
            "input": {"name": "images", "layout": "nhwc", "dtype": "uint8", "colourOrder": "rgb", "scaling": "none", "fit": "stretch"},
            "classes": CLASSES,
            "heads": [yolo_head(sigmoid_applied=True, class_filter=["car", "pedestrian"])],
        },
    },
    {
        "name": "boxes-decoded-fp16",
        "frame_wh": (256, 128),                 # centre crop scale 0.75: placed 192x96, 16 px cut left and right
        "build": lambda: nets.BoxListNet(len(CLASSES), BOX_TOP_K, BOX_PLANTS, (INPUT_H, INPUT_W)),
        "outputs": ["boxes", "scores", "labels"],
        "decode": decode_box_case,
        "manifest": {
            "description": "Decoded top-20 list, float16 in and out: boxes [1,20,4] xyxy normalised, scores [1,20], "
                           "labels [1,20] (class index as float). Explicit (x - a)/b scaling, centre crop.",
            "input": {"name": "images", "layout": "nchw", "dtype": "float16", "colourOrder": "rgb",
                      "scaling": {"offset": [120.0, 110.0, 100.0], "divisor": [60.0, 64.0, 58.0]}, "fit": "centreCrop"},
            "classes": CLASSES,
            "heads": [{"type": "boxes", "boxes": "boxes", "scores": "scores", "labels": "labels",
                       "format": "xyxy", "units": "normalised", "scoreThreshold": BOX_SCORE_THRESHOLD}],
        },
    },
    {
        "name": "depth-dynamic-batch",
        "frame_wh": (200, 150),                 # letterbox scale 0.64: placed 128x96, bars 16 px left and right
        "build": lambda: nets.DepthNet((INPUT_H, INPUT_W)),
        "outputs": ["depth"],
        "mirror_batch": True,
        "manifest": {
            "description": "Inverse depth (1/m) [N,1,48,80] with a dynamic batch; letterbox with black bars.",
            "input": {"name": "images", "layout": "nchw", "dtype": "float32", "colourOrder": "rgb",
                      "scaling": {"mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5]}, "fit": "letterbox", "fillValue": 0,
                      "widthPx": INPUT_W, "heightPx": INPUT_H},
            "mapStridePx": 4,
            "heads": [{"type": "depth", "output": "depth", "encoding": "inverse"}],
        },
    },
]

# Manifests that must be refused, each for one rule, all describing ../yolo-nhwc-letterbox/model.onnx.
BAD_MODEL = "yolo-nhwc-letterbox"


def bad_manifests() -> list:
    """(file, manifest, who refuses it, the rule, the message fragment the refusal must contain)."""
    good = next(c for c in CASES if c["name"] == BAD_MODEL)["manifest"]
    base = {"format": FORMAT_TAG, **good}
    copy = lambda: json.loads(json.dumps(base))

    unknown_input = copy()
    unknown_input["description"] = "BAD: input name \"image\"; the model's input is \"images\""
    unknown_input["input"]["name"] = "image"

    anchors = copy()
    anchors["description"] = "BAD: two anchors at stride 32 where the model has three (rows do not add up)"
    anchors["heads"][0]["anchors"] = [YOLO_ANCHORS[0], YOLO_ANCHORS[1], YOLO_ANCHORS[2][:4]]
    counts = [len(a) // 2 for a in anchors["heads"][0]["anchors"]]
    rows = sum((INPUT_W // s) * (INPUT_H // s) * n for s, n in zip(YOLO_STRIDES, counts))
    real_rows = sum((INPUT_W // s) * (INPUT_H // s) * 3 for s in YOLO_STRIDES)

    head_type = copy()
    head_type["description"] = "BAD: head type \"keypoints\" does not exist"
    head_type["heads"][0] = {"type": "keypoints", "output": "pred"}
    return [
        ("unknown-input-name.json", unknown_input, "ModelManifestValidator",
         "the input name must be one of the model's inputs (the model's is \"images\")",
         '$.input.name: must be one of the model\'s inputs (images) (got "image")'),
        ("yolo-anchor-count.json", anchors, "ModelManifestValidator",
         f"a YOLO output needs sum_s (H/s)(W/s)*anchors_s rows: anchors {counts} give {rows}, the model has {real_rows}",
         f'$.heads[0].anchors: strides [{", ".join(map(str, YOLO_STRIDES))}] with [{", ".join(map(str, counts))}] anchors '
         f'on {INPUT_W}x{INPUT_H} give {rows} rows, the output "pred" has {real_rows}'),
        ("unknown-head-type.json", head_type, "ModelManifestFile (reader; no model needed)",
         "a head type must be segmentation, boxes, yolo or depth",
         '$.heads[0].type: must be one of: segmentation, boxes, yolo, depth (got "keypoints")'),
    ]


def write_bad(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    lines = [
        "# Manifests that must be refused",
        "",
        f"Generated by `onnx/foreign/export_foreign.py`; each is the `{BAD_MODEL}` manifest with one rule broken and",
        f"describes `../{BAD_MODEL}/model.onnx` (input `images` [1,96,160,3] float32, output `pred` [1,945,8]).",
        "A test loads the manifest (and, for the validator's rules, checks it against that model) and expects a",
        "`ConfigException` whose message contains the fragment (after the file name and `: `).",
        "",
        "| file | refused by | rule broken | expected message fragment |",
        "|---|---|---|---|",
    ]
    for file, manifest, who, rule, fragment in bad_manifests():
        write_json(directory / file, manifest)
        lines.append(f"| `{file}` | {who} | {rule} | `{fragment}` |")
    (directory / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_checksums() -> None:
    """SHA256SUMS over every fixture file (sha256sum format; `cd onnx/fixtures/foreign && sha256sum -c SHA256SUMS`)."""
    lines = []
    for path in sorted(p for p in OUT_DIR.rglob("*") if p.is_file() and p.name != "SHA256SUMS" and p.name != "README.md"):
        lines.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(OUT_DIR).as_posix()}")
    (OUT_DIR / "SHA256SUMS").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    summaries = [run_case(i, case) for i, case in enumerate(CASES)]
    write_bad(OUT_DIR / "bad")
    write_checksums()

    for s in summaries:
        outs = ", ".join(f"{n} {shape} {dt}" for n, shape, dt in s["outputs"])
        det = "" if s["detections"] is None else f"; {s['detections']} detections"
        print(f"{s['name']}: {s['input'][0]} {s['input'][1]} {s['input'][2]} -> {outs}{det}")
    too_big = []
    for path in sorted(OUT_DIR.rglob("*")):
        if path.is_file():
            size = path.stat().st_size
            print(f"  {path.relative_to(ROOT)}  {size:,} B")
            if size >= MAX_FILE_BYTES:
                too_big.append(path)
    assert not too_big, f"files over {MAX_FILE_BYTES} B: {too_big}"
    return 0


if __name__ == "__main__":
    sys.exit(main())

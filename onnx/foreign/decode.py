"""Reference decoding of the detection outputs, as the runtime is meant to do it (onnx/foreign/README.md, "Decoding").

YOLO (YOLOv5 Detect + non_max_suppression, single label): obj = sigmoid(t4); best class = first maximum of the class
scores; score = obj * sigmoid(best); kept when score >= threshold and the class passes the filter; box centre
xy = (2 sigmoid(t) - 0.5 + cell) * stride, size wh = (2 sigmoid(t))^2 * anchor (anchors in input px); per-class greedy
NMS best first (ties by row), a box suppressed by a kept box of its class with IoU > threshold (torchvision.ops.nms).
Box list: score >= threshold and class filter, no NMS, best first (score, then row). Then both map boxes from
model-input pixels to frame pixels through the inverse fit, and clip them to the frame.
"""

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=np.float64)))


def iou(a, b) -> float:
    """IoU of two xyxy boxes (0 when both are empty)."""
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def nms(candidates, iou_threshold: float):
    """Greedy per-class NMS; candidates are dicts with score, classIndex, row, boxInputPx. Returns (kept, suppressed)."""
    order = sorted(candidates, key=lambda c: (-c["score"], c["row"]))
    kept, suppressed = [], []
    for c in order:
        by = next((k for k in kept if k["classIndex"] == c["classIndex"] and iou(k["boxInputPx"], c["boxInputPx"]) > iou_threshold), None)
        if by is None:
            kept.append(c)
        else:
            suppressed.append({**c, "suppressedByRow": by["row"], "iouWithSuppressor": iou(by["boxInputPx"], c["boxInputPx"])})
    return kept, suppressed


def yolo_row_index(levels, level: int, anchor: int, cell_x: int, cell_y: int) -> int:
    """Row of (level, anchor, cell) in YOLOv5's flattening: levels in order, then anchor, then cell row, then column."""
    start = sum(l["rows"] for l in levels[:level])
    l = levels[level]
    return start + anchor * l["ny"] * l["nx"] + cell_y * l["nx"] + cell_x


def yolo_levels(strides, anchors, input_w: int, input_h: int):
    levels = []
    for s, a in zip(strides, anchors):
        ny, nx, na = input_h // s, input_w // s, len(a) // 2
        levels.append({"stride": s, "nx": nx, "ny": ny, "anchors": [(a[2 * i], a[2 * i + 1]) for i in range(na)], "rows": na * ny * nx})
    return levels


def yolo_candidates(pred: np.ndarray, levels, classes, sigmoid_applied: bool):
    """Every row decoded (one image, pred [R, 5 + C]): dicts with row, level, anchor, cell, class, score, box."""
    p = pred.astype(np.float64) if sigmoid_applied else sigmoid(pred)
    rows = []
    r = 0
    for li, l in enumerate(levels):
        for a, (aw, ah) in enumerate(l["anchors"]):
            for cy in range(l["ny"]):
                for cx in range(l["nx"]):
                    v = p[r]
                    best = int(np.argmax(v[5:]))          # first maximum
                    x = (2 * v[0] - 0.5 + cx) * l["stride"]
                    y = (2 * v[1] - 0.5 + cy) * l["stride"]
                    w = (2 * v[2]) ** 2 * aw
                    h = (2 * v[3]) ** 2 * ah
                    rows.append({
                        "row": r, "stride": l["stride"], "level": li, "anchor": a, "cellX": cx, "cellY": cy,
                        "classIndex": best, "class": classes[best], "objectness": float(v[4]),
                        "score": float(v[4] * v[5 + best]),
                        "boxInputPx": [x - w / 2, y - h / 2, x + w / 2, y + h / 2],
                    })
                    r += 1
    assert r == len(p), f"levels give {r} rows, the output has {len(p)}"
    return rows


def to_frame(box, fit):
    x1, y1 = fit.to_frame(box[0], box[1])
    x2, y2 = fit.to_frame(box[2], box[3])
    return [x1, y1, x2, y2]


def clip_to_frame(box, fit):
    w, h = fit.frame_width_px, fit.frame_height_px
    return [min(max(box[0], 0.0), w), min(max(box[1], 0.0), h), min(max(box[2], 0.0), w), min(max(box[3], 0.0), h)]


def with_frame_boxes(detections, fit):
    out = []
    for d in detections:
        frame_box = to_frame(d["boxInputPx"], fit)
        out.append({**d, "boxFramePx": frame_box, "boxFramePxClipped": clip_to_frame(frame_box, fit)})
    return out


def decode_yolo(pred, levels, classes, class_filter, sigmoid_applied, score_threshold, iou_threshold, fit):
    """-> (kept detections with frame boxes, all candidates over the threshold (before filter/NMS), suppressed)."""
    rows = yolo_candidates(pred, levels, classes, sigmoid_applied)
    over = [c for c in rows if c["score"] >= score_threshold]
    allowed = set(class_filter) if class_filter else set(classes)
    passed = [c for c in over if c["class"] in allowed]
    kept, suppressed = nms(passed, iou_threshold)
    return with_frame_boxes(kept, fit), rows, over, suppressed


def decode_box_list(boxes, scores, labels, classes, class_filter, score_threshold, fit):
    """Box list (one image): boxes [K,4] xyxy normalised, scores [K], labels [K] float class indices."""
    allowed = set(class_filter) if class_filter else set(classes)
    kept = []
    for k in range(len(scores)):
        s, label = float(scores[k]), int(labels[k])
        if s < score_threshold or classes[label] not in allowed:
            continue
        b = boxes[k].astype(np.float64)
        box = [b[0] * fit.input_width_px, b[1] * fit.input_height_px, b[2] * fit.input_width_px, b[3] * fit.input_height_px]
        kept.append({"row": k, "classIndex": label, "class": classes[label], "score": s, "boxInputPx": box})
    kept.sort(key=lambda d: (-d["score"], d["row"]))
    return with_frame_boxes(kept, fit)

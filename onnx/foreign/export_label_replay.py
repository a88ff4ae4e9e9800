#!/usr/bin/env python3
"""A "label replay" box-list model for one nuScenes sample: an ONNX net whose output is the sample's own labelled 2D
boxes, so `octopilot perceive` can be checked end to end on real images and calibration with a perfect detector.

    /usr/bin/python3 onnx/foreign/export_label_replay.py ../shared/data/nuscenes-mini-sample/sample_info.json OUT_DIR

Writes OUT_DIR/model.onnx and OUT_DIR/manifest.json (input "images" [6,3,96,160] float32 /255, stretch; outputs boxes
[6,K,4] xyxy normalised, scores [6,K], labels [6,K]; classes in mmdet3d's nuScenes order; cameras in the order
CAMERAS below, which is the order the perceive command line must give them). The boxes do not depend on the pixels:
the input is read only so that it stays a graph input. Not committed: the labels are nuScenes data (CC BY-NC-SA 4.0),
so the model is made where the data is. Rows past a camera's labels have score 0 (below any threshold).
"""

import json
import sys
from pathlib import Path

import torch

CAMERAS = ["CAM_FRONT", "CAM_FRONT_RIGHT", "CAM_BACK_RIGHT", "CAM_BACK", "CAM_BACK_LEFT", "CAM_FRONT_LEFT"]
CLASSES = ["car", "truck", "trailer", "bus", "construction_vehicle", "bicycle", "motorcycle", "pedestrian", "traffic_cone", "barrier"]
INPUT_W, INPUT_H = 160, 96


class LabelReplay(torch.nn.Module):
    def __init__(self, boxes, scores, labels):
        super().__init__()
        self.register_buffer("boxes", boxes)
        self.register_buffer("scores", scores)
        self.register_buffer("labels", labels)

    def forward(self, images):
        zero = images.mean() * 0.0  # keeps "images" a graph input; adds exactly 0
        return self.boxes + zero, self.scores + zero, self.labels + zero


def main(info_path, out_dir):
    info = json.loads(Path(info_path).read_text())
    per_camera = [info["cam_instances"].get(c, []) for c in CAMERAS]
    k = max(1, max(len(b) for b in per_camera))
    boxes = torch.zeros(len(CAMERAS), k, 4)
    scores = torch.zeros(len(CAMERAS), k)
    labels = torch.zeros(len(CAMERAS), k)
    for c, (name, instances) in enumerate(zip(CAMERAS, per_camera)):
        w, h = info["cameras"][name]["image_size_wh"]
        for i, inst in enumerate(instances):
            x1, y1, x2, y2 = inst["bbox"]
            boxes[c, i] = torch.tensor([x1 / w, y1 / h, x2 / w, y2 / h])
            scores[c, i] = 1.0
            labels[c, i] = float(inst["bbox_label"])

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    model = LabelReplay(boxes, scores, labels).eval()
    torch.onnx.export(model, torch.zeros(len(CAMERAS), 3, INPUT_H, INPUT_W), out / "model.onnx", input_names=["images"],
                      output_names=["boxes", "scores", "labels"], opset_version=17)
    manifest = {
        "format": "octopilot-model-manifest/1",
        "description": f"nuScenes labelled 2D boxes of sample {info.get('sample_token', '?')} replayed as a box list (cameras {', '.join(CAMERAS)})",
        "input": {"name": "images", "layout": "nchw", "dtype": "float32", "colourOrder": "rgb", "scaling": "divide255", "fit": "stretch"},
        "classes": CLASSES,
        "heads": [{"type": "boxes", "boxes": "boxes", "scores": "scores", "labels": "labels", "format": "xyxy",
                   "units": "normalised", "scoreThreshold": 0.5}],
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"wrote {out / 'model.onnx'} and {out / 'manifest.json'}: {sum(len(b) for b in per_camera)} boxes, K = {k}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: export_label_replay.py SAMPLE_INFO_JSON OUT_DIR")
    main(sys.argv[1], sys.argv[2])

"""The heads' activated maps before decoding: what the losses compare with the targets. The exported forward (model.py)
decodes objects in the graph; training needs the heat/offset/size/depth maps that the decode reads."""

import torch

from ..model import HydraNet


def head_maps(model: HydraNet, images: torch.Tensor) -> dict:
    """images uint8 [N,H,W,3] -> lanes, drivable, depth, solid_lines [N,1,h,w]; heat [N,C,h,w]; offset, size
    [N,2,h,w]; obj_depth [N,1,h,w]: the same activations (units) the exported graph applies."""
    features = model.neck(model.backbone(model.preprocess(images)))
    heat, offset, size, obj_depth = model.objects(features)
    return {"lanes": model.lanes(features), "drivable": model.drivable(features), "depth": model.depth(features),
            "heat": heat, "offset": offset, "size": size, "obj_depth": obj_depth,
            "solid_lines": model.solid_lines(features)}

"""Parameter and multiply-accumulate counts, measured with forward hooks (no third-party profiler).

Counts convolutions only, the usual convention (BN is folded into the conv at export; ReLU, pooling, resize,
sigmoid and the decoder are elementwise or tiny). FLOPs are reported as 2 x MACs.

    PYTHONPATH=onnx /usr/bin/python3 -m hydranet.flops
"""

import torch
from torch import nn

from .config import BACKBONES, DEFAULT_STRIDE, HydraConfig
from .model import build_model


def count(config: HydraConfig) -> dict:
    """{'params': int, 'macs': int, 'macs_backbone': int} for one image of config's size."""
    model = build_model(config, seed=0)
    macs = {"total": 0, "backbone": 0}

    def hook(module, inputs, output, in_backbone):
        kh, kw = module.kernel_size
        per_output = (module.in_channels // module.groups) * kh * kw
        n = output.numel() // output.shape[0] * per_output
        macs["total"] += n
        if in_backbone:
            macs["backbone"] += n

    handles = []
    for name, module in model.named_modules():
        if isinstance(module, nn.Conv2d):
            in_backbone = name.startswith("backbone.")
            handles.append(module.register_forward_hook(
                lambda m, i, o, b=in_backbone: hook(m, i, o, b)))
    with torch.no_grad():
        model(torch.zeros(1, config.height, config.width, 3, dtype=torch.uint8))
    for handle in handles:
        handle.remove()
    params = sum(p.numel() for p in model.parameters())
    return {"params": params, "macs": macs["total"], "macs_backbone": macs["backbone"]}


# Rows of the README table: every backbone at the export defaults (288x384, its default stride), plus r50 at the
# performance-run size.
README_ROWS = (tuple(HydraConfig(b, 288, 384, DEFAULT_STRIDE[b]) for b in BACKBONES)
               + (HydraConfig("r50", 960, 1280, 8),))


def main():
    print("| backbone | input HxW | stride | params (M) | GMACs / image | GFLOPs / image | of which backbone |")
    print("|---|---|---|---|---|---|---|")
    for config in README_ROWS:
        c = count(config)
        print(f"| {config.backbone} | {config.height}x{config.width} | {config.stride} | {c['params'] / 1e6:.2f} | "
              f"{c['macs'] / 1e9:.3f} | {2 * c['macs'] / 1e9:.3f} | {c['macs_backbone'] / c['macs']:.0%} |")


if __name__ == "__main__":
    main()

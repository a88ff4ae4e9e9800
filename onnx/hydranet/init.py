"""Weight initialisation shared by the neck and the heads (the backbone adds its residual rule on top)."""

from torch import nn


def kaiming_convs_(module: nn.Module) -> None:
    """He-normal (fan_in, ReLU gain) for every conv under module, zero bias. Keeps activation variance roughly
    constant through the untrained net; PyTorch's default init shrinks it about 3x per layer, which leaves every
    output map flat and every object score within 1e-6 of its neighbours."""
    for m in module.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight, mode="fan_in", nonlinearity="relu")
            if m.bias is not None:
                nn.init.zeros_(m.bias)

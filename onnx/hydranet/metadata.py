"""The contract's `metadata_props` (CONTRACT.md, Metadata): every value a string."""

from .config import CONTRACT_VERSION, HEAD_NAMES, HydraConfig

KEY_PREFIX = "octopilot."


def contract_metadata(config: HydraConfig) -> dict:
    """Key -> value, in the order CONTRACT.md lists them (written in this order, so the file is reproducible)."""
    return {
        KEY_PREFIX + "contract_version": str(CONTRACT_VERSION),
        KEY_PREFIX + "input_height": str(config.height),
        KEY_PREFIX + "input_width": str(config.width),
        KEY_PREFIX + "stride": str(config.stride),
        KEY_PREFIX + "classes": ",".join(config.classes),
        KEY_PREFIX + "heads": ",".join(HEAD_NAMES),
        KEY_PREFIX + "max_objects": str(config.max_objects),
        KEY_PREFIX + "backbone": config.backbone,
    }

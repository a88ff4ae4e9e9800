"""Shared by the export tests: a cheap tiny export (64x96) into a temporary folder."""

import contextlib
import io
import tempfile

from hydranet.config import HydraConfig
from hydranet.export import export

SMALL = HydraConfig("tiny", 64, 96, 4, 8)


def export_small(seed: int = 0, config: HydraConfig = SMALL) -> tempfile.TemporaryDirectory:
    """Exports config into a new TemporaryDirectory (the caller cleans it up) and returns it."""
    folder = tempfile.TemporaryDirectory(prefix="hydranet-test-")
    with contextlib.redirect_stdout(io.StringIO()):
        export(config, folder.name, seed=seed, sample_batch=2)
    return folder

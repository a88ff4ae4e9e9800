"""Exporting twice with the same arguments gives byte-identical files; another seed gives another model."""

import filecmp
import os
import unittest

from tests.exporting import export_small

FILES = ("model.onnx", "model.onnx.sha256", "sample/manifest.json", "sample/images.u8", "sample/lanes.f32",
         "sample/drivable.f32", "sample/depth.f32", "sample/objects.f32", "sample/solid_lines.f32")


class ExportDeterminismTests(unittest.TestCase):
    def test_export_twiceSameSeed_byteIdenticalFiles(self):
        with export_small(seed=0) as first, export_small(seed=0) as second:
            for name in FILES:
                with self.subTest(file=name):
                    self.assertTrue(filecmp.cmp(os.path.join(first, name), os.path.join(second, name), shallow=False))

    def test_export_otherSeed_otherModel(self):
        with export_small(seed=0) as first, export_small(seed=1) as second:
            self.assertFalse(filecmp.cmp(os.path.join(first, "model.onnx"), os.path.join(second, "model.onnx"),
                                         shallow=False))


if __name__ == "__main__":
    unittest.main()

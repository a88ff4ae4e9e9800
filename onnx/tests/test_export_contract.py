"""An exported file against CONTRACT.md: metadata values, input/output signature, checksum file, parity sample."""

import hashlib
import json
import os
import unittest

import numpy as np
import onnx
from onnx import TensorProto

from hydranet.check import signature_of
from tests.exporting import export_small

# Written out literally (not through hydranet.metadata) so a change to the metadata code cannot pass unnoticed.
EXPECTED_METADATA = {
    "octopilot.contract_version": "1",
    "octopilot.input_height": "64",
    "octopilot.input_width": "96",
    "octopilot.stride": "4",
    "octopilot.classes": "vehicle,pedestrian,cyclist",
    "octopilot.heads": "lanes,drivable,depth,objects,solid_lines",
    "octopilot.max_objects": "8",
    "octopilot.backbone": "tiny",
}
EXPECTED_SIGNATURE = {
    "images": (TensorProto.UINT8, ("N", 64, 96, 3)),
    "lanes": (TensorProto.FLOAT, ("N", 1, 16, 24)),
    "drivable": (TensorProto.FLOAT, ("N", 1, 16, 24)),
    "depth": (TensorProto.FLOAT, ("N", 1, 16, 24)),
    "objects": (TensorProto.FLOAT, ("N", 8, 7)),
    "solid_lines": (TensorProto.FLOAT, ("N", 1, 16, 24)),
}


class ExportContractTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = export_small()
        cls.path = os.path.join(cls.folder.name, "model.onnx")
        cls.model = onnx.load(cls.path)

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def test_export_metadataProps_exactlyTheContractKeys(self):
        self.assertEqual({p.key: p.value for p in self.model.metadata_props}, EXPECTED_METADATA)

    def test_export_signature_namesDtypesAndShapes(self):
        self.assertEqual(self.model.opset_import[0].version, 17)
        declared = signature_of(list(self.model.graph.input) + list(self.model.graph.output))
        self.assertEqual(declared, EXPECTED_SIGNATURE)
        inferred = signature_of(onnx.shape_inference.infer_shapes(self.model, strict_mode=True).graph.output)
        self.assertEqual(inferred, {k: v for k, v in EXPECTED_SIGNATURE.items() if k != "images"})
        onnx.checker.check_model(self.model, full_check=True)

    def test_export_sha256File_matchesModelBytesInSha256sumFormat(self):
        with open(self.path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        with open(self.path + ".sha256", encoding="ascii") as f:
            self.assertEqual(f.read(), f"{digest}  model.onnx\n")

    def test_export_sample_manifestDescribesEveryFile(self):
        sample = os.path.join(self.folder.name, "sample")
        with open(os.path.join(sample, "manifest.json"), encoding="utf-8") as f:
            tensors = json.load(f)["tensors"]
        self.assertEqual(set(tensors), set(EXPECTED_SIGNATURE))
        for name, entry in tensors.items():
            with self.subTest(tensor=name):
                shape = [2] + list(EXPECTED_SIGNATURE[name][1][1:])
                self.assertEqual(entry["shape"], shape)
                dtype = np.dtype(entry["dtype"]).newbyteorder("<")
                data = np.fromfile(os.path.join(sample, entry["file"]), dtype=dtype)
                self.assertEqual(data.size, int(np.prod(shape)))
                self.assertTrue(np.isfinite(data.astype(np.float64)).all())


if __name__ == "__main__":
    unittest.main()

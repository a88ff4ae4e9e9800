"""The training loader against the dataset format: a valid folder opens; broken ones are refused naming the file."""

import contextlib
import io
import json
import os
import tempfile
import unittest

import numpy as np

from hydranet.train.__main__ import EXIT_REFUSED, main
from hydranet.train.dataset import DatasetError, open_dataset
from hydranet.train.png import write_png
from tests.synthetic_dataset import CAMERAS, HEIGHT, WIDTH, make_dataset


class DatasetLoaderTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory(prefix="hydranet-dataset-")
        self.root = self.folder.name
        make_dataset(self.root, samples=2)

    def tearDown(self):
        self.folder.cleanup()

    def refused(self) -> DatasetError:
        with self.assertRaises(DatasetError) as caught:
            open_dataset(self.root)
        return caught.exception

    def test_openDataset_validFolder_oneItemPerSampleAndCamera(self):
        dataset = open_dataset(self.root)
        self.assertEqual((dataset.height, dataset.width, dataset.classes), (HEIGHT, WIDTH, ("vehicle",)))
        self.assertEqual(len(dataset.items), 2 * len(CAMERAS))
        image, labels, depth = dataset.items[0].load()
        self.assertEqual((image.shape, labels.shape, depth.shape), ((HEIGHT, WIDTH, 3), (HEIGHT, WIDTH), (HEIGHT, WIDTH)))

    def test_openDataset_missingClassPng_refusedNamingTheFile(self):
        path = os.path.join(self.root, "samples", "000001", "rear.class.png")
        os.remove(path)
        error = self.refused()
        self.assertEqual(error.path, path)
        self.assertIn("missing", error.rule)

    def test_openDataset_labelSizeNotTheMode_refusedNamingTheFile(self):
        path = os.path.join(self.root, "samples", "000000", "front.class.png")
        write_png(path, np.zeros((HEIGHT, WIDTH + 1), dtype=np.uint8))
        error = self.refused()
        self.assertEqual(error.path, path)
        self.assertIn(f"{WIDTH}x{HEIGHT}", error.rule)

    def test_openDataset_wrongFormat_refusedNamingTheManifest(self):
        manifest = os.path.join(self.root, "manifest.json")
        with open(manifest, encoding="utf-8") as f:
            data = json.load(f)
        data["format"] = "octopilot-dataset/2"
        with open(manifest, "w", encoding="utf-8") as f:
            json.dump(data, f)
        self.assertEqual(self.refused().path, manifest)

    def test_trainCli_brokenDataset_exit2AndFileOnStderr(self):
        path = os.path.join(self.root, "samples", "000000", "rear.depth.npy")
        np.save(path, np.zeros((HEIGHT - 1, WIDTH), dtype=np.float32))
        stderr = io.StringIO()
        with tempfile.TemporaryDirectory() as out, contextlib.redirect_stderr(stderr):
            code = main(["--data", self.root, "--out", out, "--steps", "1"])
        self.assertEqual(code, EXIT_REFUSED)
        self.assertIn(path, stderr.getvalue())


if __name__ == "__main__":
    unittest.main()

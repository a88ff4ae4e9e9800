"""In-graph preprocessing: layout NHWC -> NCHW and ImageNet normalisation of uint8 pixels."""

import unittest

import torch

from hydranet.preprocess import IMAGENET_MEAN, IMAGENET_STD, Preprocess


class PreprocessTests(unittest.TestCase):
    def test_forward_knownPixels_normalisedPerChannelInNchw(self):
        images = torch.zeros(1, 2, 3, 3, dtype=torch.uint8)
        images[0, 1, 2] = torch.tensor([255, 0, 128], dtype=torch.uint8)
        x = Preprocess()(images)
        self.assertEqual(tuple(x.shape), (1, 3, 2, 3))
        self.assertEqual(x.dtype, torch.float32)
        for ch, pixel in enumerate((255, 0, 128)):
            expected = (pixel / 255.0 - IMAGENET_MEAN[ch]) / IMAGENET_STD[ch]
            self.assertAlmostEqual(x[0, ch, 1, 2].item(), expected, places=5)
            self.assertAlmostEqual(x[0, ch, 0, 0].item(), -IMAGENET_MEAN[ch] / IMAGENET_STD[ch], places=5)


if __name__ == "__main__":
    unittest.main()

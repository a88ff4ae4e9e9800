"""Every backbone at a small size, both strides: output shapes and value ranges of the contract."""

import unittest

import torch

from hydranet.config import BACKBONES, HydraConfig
from hydranet.model import build_model
from hydranet.sample import make_images

HEIGHT, WIDTH, BATCH, K = 64, 96, 2, 8


class OutputShapeTests(unittest.TestCase):
    def test_forward_everyBackboneAndStride_contractShapesAndRanges(self):
        images = torch.from_numpy(make_images(BATCH, HEIGHT, WIDTH, seed=1))
        for backbone in BACKBONES:
            for stride in (4, 8):
                with self.subTest(backbone=backbone, stride=stride):
                    config = HydraConfig(backbone, HEIGHT, WIDTH, stride, K)
                    with torch.no_grad():
                        lanes, drivable, depth, objects, solid = build_model(config, seed=0)(images)
                    grid = (BATCH, 1, HEIGHT // stride, WIDTH // stride)
                    for name, out in (("lanes", lanes), ("drivable", drivable), ("depth", depth),
                                      ("solid_lines", solid)):
                        self.assertEqual(tuple(out.shape), grid, name)
                        self.assertEqual(out.dtype, torch.float32, name)
                        self.assertTrue(torch.isfinite(out).all(), name)
                    self.assertEqual(tuple(objects.shape), (BATCH, K, 7))
                    self.assertTrue(((lanes >= 0) & (lanes <= 1)).all())
                    self.assertTrue(((drivable >= 0) & (drivable <= 1)).all())
                    self.assertTrue((depth > 0).all())
                    score, cls, u, v, w, h, z = objects.unbind(dim=2)
                    self.assertTrue(((score >= 0) & (score <= 1)).all())
                    self.assertTrue((score[:, :-1] >= score[:, 1:]).all(), "best first")
                    self.assertTrue(((cls >= 0) & (cls < 3) & (cls == cls.round())).all())
                    self.assertTrue(((u >= 0) & (u <= WIDTH) & (v >= 0) & (v <= HEIGHT)).all())
                    self.assertTrue(((w >= 1) & (h >= 1) & (z > 0)).all())


if __name__ == "__main__":
    unittest.main()

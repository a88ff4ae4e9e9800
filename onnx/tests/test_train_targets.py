"""Targets at the output stride: the heatmap peaks at the box centre, and the object slots decode back to the box."""

import unittest

import numpy as np

from hydranet.train.dataset import BoxObject
from hydranet.train.targets import build_targets

STRIDE, HEIGHT, WIDTH = 4, 32, 64
LANE, ROAD, SOLID = 3, 2, 5


class TargetTests(unittest.TestCase):
    def build(self, objects, labels=None, depth=None):
        labels = np.zeros((HEIGHT, WIDTH), dtype=np.uint8) if labels is None else labels
        depth = np.zeros((HEIGHT, WIDTH), dtype=np.float32) if depth is None else depth
        return build_targets(labels, depth, objects, 2, STRIDE, (LANE, SOLID), (ROAD, LANE, SOLID), (SOLID,))

    def test_buildTargets_oneBox_heatPeakAtCentreCellInItsClass(self):
        box = (20, 8, 33, 17)  # centre (27, 13) px -> cell (6, 3), offset (0.75, 0.25)
        t = self.build([BoxObject(1, box, 12.5, 100)])
        heat = t["heat"]
        self.assertEqual(heat[0].max(), 0.0)
        y, x = np.unravel_index(np.argmax(heat[1]), heat[1].shape)
        self.assertEqual((x, y), (6, 3))
        self.assertEqual(heat[1, y, x], 1.0)
        self.assertEqual(int((heat == 1.0).sum()), 1)
        self.assertEqual(t["obj_index"][0], y * (WIDTH // STRIDE) + x)
        self.assertEqual(t["obj_mask"].tolist()[:2], [1.0, 0.0])
        # The decode's u = (x + dx) S, v = (y + dy) S gives back the box centre; size is (w, h) in pixels.
        dx, dy = t["obj_offset"][0]
        self.assertAlmostEqual((x + dx) * STRIDE, (box[0] + box[2] + 1) / 2)
        self.assertAlmostEqual((y + dy) * STRIDE, (box[1] + box[3] + 1) / 2)
        self.assertEqual(t["obj_size"][0].tolist(), [14.0, 10.0])
        self.assertEqual(float(t["obj_depth"][0]), 12.5)

    def test_buildTargets_labelsAndDepth_cellMapsAndValidMask(self):
        labels = np.zeros((HEIGHT, WIDTH), dtype=np.uint8)
        labels[16:, :] = ROAD
        labels[16:, 10] = LANE  # one pixel wide marking in cell column 2
        depth = np.zeros((HEIGHT, WIDTH), dtype=np.float32)
        depth[16:, :] = 7.0
        t = self.build([], labels, depth)
        self.assertEqual(t["lanes"].shape, (1, HEIGHT // STRIDE, WIDTH // STRIDE))
        self.assertEqual(t["lanes"][0, 4:, 2].tolist(), [1.0] * 4)
        self.assertEqual(float(t["lanes"].sum()), 4.0)
        self.assertTrue((t["drivable"][0, 4:] == 1.0).all() and (t["drivable"][0, :4] == 0.0).all())
        self.assertTrue((t["depth_mask"][0, 4:] == 1.0).all() and (t["depth_mask"][0, :4] == 0.0).all())
        self.assertTrue((t["depth"][0, 4:] == 7.0).all())
        self.assertEqual(float(t["solid_lines"].sum()), 0.0, "a dashed marking is not a solid line")

    def test_buildTargets_solidEdgeAndDashedDivider_bothLanesOnlyEdgeSolid(self):
        labels = np.zeros((HEIGHT, WIDTH), dtype=np.uint8)
        labels[16:, :] = ROAD
        labels[16:, 1] = SOLID   # edge line in cell column 0
        labels[16:20, 30] = LANE  # one dash in cell column 7, rows 16..19 = cell row 4
        t = self.build([], labels)
        self.assertEqual(t["solid_lines"].shape, (1, HEIGHT // STRIDE, WIDTH // STRIDE))
        self.assertEqual(np.argwhere(t["solid_lines"][0] == 1.0).tolist(), [[4, 0], [5, 0], [6, 0], [7, 0]])
        self.assertEqual(np.argwhere(t["lanes"][0] == 1.0).tolist(), [[4, 0], [4, 7], [5, 0], [6, 0], [7, 0]])
        self.assertTrue((t["drivable"][0, 4:] == 1.0).all(), "paint of either kind is drivable")


if __name__ == "__main__":
    unittest.main()

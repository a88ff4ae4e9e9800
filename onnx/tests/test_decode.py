"""CenterDecoder on hand-made maps: peak picking, TopK order, and the u/v/w/h/depth arithmetic."""

import unittest

import torch

from hydranet.decode import CenterDecoder, OBJECT_FIELDS

STRIDE = 4
GRID_H, GRID_W = 5, 6
CLASSES = 2
BACKGROUND = 0.01


def maps():
    heat = torch.full((1, CLASSES, GRID_H, GRID_W), BACKGROUND)
    offset = torch.zeros(1, 2, GRID_H, GRID_W)
    size = torch.ones(1, 2, GRID_H, GRID_W)
    depth = torch.ones(1, 1, GRID_H, GRID_W)
    return heat, offset, size, depth


def decode(heat, offset, size, depth, k):
    return CenterDecoder(CLASSES, STRIDE, k, GRID_H, GRID_W)(heat, offset, size, depth)[0]


class CenterDecoderTests(unittest.TestCase):
    def test_forward_handMadePeaks_bestFirstWithNeighbourSuppressed(self):
        heat, offset, size, depth = maps()
        heat[0, 0, 1, 2] = 0.9
        heat[0, 0, 1, 3] = 0.8  # next to the 0.9 of the same class: not a peak
        heat[0, 1, 3, 4] = 0.7
        heat[0, 1, 1, 2] = 0.6  # same cell as the 0.9 but another class: peaks are per class
        heat[0, 0, 4, 0] = 0.5  # a border cell: max-pool padding must not suppress it
        rows = decode(heat, offset, size, depth, k=4)
        self.assertEqual([round(s, 6) for s in rows[:, 0].tolist()], [0.9, 0.7, 0.6, 0.5])
        self.assertEqual(rows[:, 1].tolist(), [0.0, 1.0, 1.0, 0.0])
        # u, v of a cell centre with zero offset: (x, y) * S
        self.assertEqual(rows[:, 2].tolist(), [2 * STRIDE, 4 * STRIDE, 2 * STRIDE, 0.0])
        self.assertEqual(rows[:, 3].tolist(), [1 * STRIDE, 3 * STRIDE, 1 * STRIDE, 4 * STRIDE])

    def test_forward_offsetSizeDepth_readAtThePeakCell(self):
        heat, offset, size, depth = maps()
        heat[0, 1, 2, 3] = 0.95
        offset[0, :, 2, 3] = torch.tensor([0.25, 0.75])
        size[0, :, 2, 3] = torch.tensor([20.0, 10.0])
        depth[0, 0, 2, 3] = 12.5
        score, cls, u, v, w, h, z = decode(heat, offset, size, depth, k=1)[0].tolist()
        self.assertAlmostEqual(score, 0.95, places=6)
        self.assertEqual(cls, 1.0)
        self.assertEqual(u, (3 + 0.25) * STRIDE)
        self.assertEqual(v, (2 + 0.75) * STRIDE)
        self.assertEqual((w, h, z), (20.0, 10.0, 12.5))

    def test_forward_fewerPeaksThanK_tailRowsScoreZero(self):
        heat, offset, size, depth = maps()
        heat.zero_()
        heat[0, 0, 2, 2] = 0.8
        heat[0, 0, 2, 3] = 0.3  # suppressed by its 0.8 neighbour: scores 0, not 0.3
        rows = decode(heat, offset, size, depth, k=5)
        self.assertAlmostEqual(rows[0, 0].item(), 0.8, places=6)
        self.assertEqual(rows[1:, 0].tolist(), [0.0] * 4)

    def test_forward_batch_eachImageDecodedOnItsOwn(self):
        heat, offset, size, depth = (torch.cat([m, m.clone()]) for m in maps())
        heat[0, 0, 0, 0] = 0.9
        heat[1, 1, 4, 5] = 0.9
        objects = CenterDecoder(CLASSES, STRIDE, 1, GRID_H, GRID_W)(heat, offset, size, depth)
        self.assertEqual(objects.shape, (2, 1, len(OBJECT_FIELDS)))
        self.assertEqual(objects[0, 0, 1:4].tolist(), [0.0, 0.0, 0.0])
        self.assertEqual(objects[1, 0, 1:4].tolist(), [1.0, 5 * STRIDE, 4 * STRIDE])


if __name__ == "__main__":
    unittest.main()

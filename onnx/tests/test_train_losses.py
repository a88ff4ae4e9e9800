"""Loss definitions whose scale decides what the model learns: box size and depth errors are relative."""

import unittest

import torch

from hydranet.train.losses import compute_losses
from hydranet.train.options import DEFAULT_LOSS_WEIGHTS

H, W = 4, 6
STRIDE = 4


def maps_and_targets(true_size_px: float, predicted_size_px: float) -> tuple:
    """One image, one object at cell 0, every map at its target except the size."""
    ones = torch.ones(1, 1, H, W)
    maps = {"lanes": ones * 0.5, "drivable": ones * 0.5, "depth": ones * 10, "heat": ones * 0.5,
            "offset": torch.full((1, 2, H, W), 0.5), "size": torch.full((1, 2, H, W), predicted_size_px),
            "obj_depth": ones * 10, "solid_lines": ones * 0.5}
    targets = {"lanes": ones * 0, "drivable": ones, "depth": ones * 10, "depth_mask": ones, "heat": ones * 0,
               "obj_index": torch.zeros(1, 1, dtype=torch.int64), "obj_mask": torch.ones(1, 1),
               "obj_offset": torch.full((1, 1, 2), 0.5), "obj_size": torch.full((1, 1, 2), true_size_px),
               "obj_depth": torch.full((1, 1), 10.0), "solid_lines": ones * 0}
    return maps, targets


class SizeLossTests(unittest.TestCase):
    def size_loss(self, true_px: float, predicted_px: float) -> float:
        _, losses = compute_losses(*maps_and_targets(true_px, predicted_px), DEFAULT_LOSS_WEIGHTS, STRIDE)
        return float(losses["size"])

    def test_sizeLoss_sameRelativeErrorAtEveryScale_sameLoss(self):
        small, large = self.size_loss(8.0, 10.0), self.size_loss(160.0, 200.0)
        self.assertAlmostEqual(small, large, places=5)
        self.assertAlmostEqual(small, float(torch.log(torch.tensor(10.0 / 8.0))), places=5)

    def test_sizeLoss_oneCellOffOnADistantCar_costsMoreThanOnANearOne(self):
        self.assertGreater(self.size_loss(8.0, 12.0), self.size_loss(160.0, 164.0))

    def test_sizeLoss_exact_zero(self):
        self.assertEqual(self.size_loss(24.0, 24.0), 0.0)



class BottomEdgeLossTests(unittest.TestCase):
    """The bottom edge (v + h/2) is the row the BEV projector casts onto the ground: its error counts relative to the box."""

    def bottom_loss(self, true_h_px: float, predicted_h_px: float, predicted_dv_cells: float = 0.0) -> float:
        maps, targets = maps_and_targets(true_h_px, predicted_h_px)
        maps["offset"][:, 1] += predicted_dv_cells
        _, losses = compute_losses(maps, targets, DEFAULT_LOSS_WEIGHTS, STRIDE)
        return float(losses["bottom"])

    def test_bottomLoss_exact_zero(self):
        self.assertEqual(self.bottom_loss(24.0, 24.0), 0.0)

    def test_bottomLoss_heightOffByTwoPixels_isOnePixelOverTheHeight(self):
        # The box is centred, so 2 px more height moves its bottom by 1 px: 1 / 20 of a 20 px box.
        self.assertAlmostEqual(self.bottom_loss(20.0, 22.0), 1.0 / 20.0, places=5)

    def test_bottomLoss_centreAndHeightErrorsThatCancel_zero(self):
        # A centre a quarter cell (1 px) high and a box 2 px taller keep the bottom where it was: the edge is what counts.
        self.assertAlmostEqual(self.bottom_loss(20.0, 22.0, predicted_dv_cells=-0.25), 0.0, places=5)

    def test_bottomLoss_samePixelError_costsMoreOnTheSmallerBox(self):
        self.assertGreater(self.bottom_loss(10.0, 12.0), self.bottom_loss(80.0, 82.0))

    def test_bottomLoss_weighedIntoTheTotal(self):
        self.assertGreater(DEFAULT_LOSS_WEIGHTS["bottom"], 0.0)


if __name__ == "__main__":
    unittest.main()

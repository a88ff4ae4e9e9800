"""Mirroring and the learning-rate schedule: pure functions of (seed, step), and a mirrored image's labels still
describe it."""

import unittest

import numpy as np

from hydranet.train.batches import flips_for, mirrored
from hydranet.train.dataset import BoxObject
from hydranet.train.options import LR_FLOOR, TrainOptions


class FlipTests(unittest.TestCase):
    def test_flipsFor_sameSeedAndStep_sameCoins_otherStepsDiffer(self):
        self.assertEqual(flips_for(5, 8, seed=3), flips_for(5, 8, seed=3))
        coins = [tuple(flips_for(step, 8, seed=3)) for step in range(50)]
        self.assertGreater(len(set(coins)), 40)
        share = sum(sum(c) for c in coins) / (50 * 8)
        self.assertTrue(0.4 < share < 0.6, share)

    def test_mirrored_boxAndPixelsSwapSides(self):
        width = 10
        image = np.zeros((2, width, 3), dtype=np.uint8)
        image[:, 1] = 200
        labels = np.zeros((2, width), dtype=np.uint8)
        labels[:, 1] = 5
        depth = np.arange(2 * width, dtype=np.float32).reshape(2, width)
        box = BoxObject(0, (1, 0, 3, 1), 12.0, 6)
        out_image, out_labels, out_depth, (out_box,) = mirrored(image, labels, depth, (box,), width)
        self.assertEqual(np.argwhere(out_image[0, :, 0] == 200).ravel().tolist(), [8])
        self.assertEqual(np.argwhere(out_labels[0] == 5).ravel().tolist(), [8])
        self.assertEqual(out_depth[1, 0], depth[1, width - 1])
        self.assertEqual(out_box.box_px, (6, 0, 8, 1))
        self.assertEqual((out_box.depth_m, out_box.visible_pixels), (12.0, 6))


class ScheduleTests(unittest.TestCase):
    def test_cosine_warmsUpPeaksAndDecaysToFloor(self):
        options = TrainOptions(steps=1000, learning_rate=1e-3, warmup_steps=100)
        self.assertAlmostEqual(options.learning_rate_at(0, 1000), 1e-5)
        self.assertAlmostEqual(options.learning_rate_at(99, 1000), 1e-3)
        self.assertAlmostEqual(options.learning_rate_at(100, 1000), 1e-3)
        self.assertAlmostEqual(options.learning_rate_at(550, 1000), 1e-3 * (LR_FLOOR + (1 - LR_FLOOR) * 0.5))
        self.assertAlmostEqual(options.learning_rate_at(1000, 1000), 1e-3 * LR_FLOOR)
        rates = [options.learning_rate_at(s, 1000) for s in range(100, 1000)]
        self.assertTrue(all(a >= b for a, b in zip(rates, rates[1:])), "decays monotonically")

    def test_constant_sameRateEveryStep(self):
        options = TrainOptions(steps=10, learning_rate=2e-3, schedule="constant")
        self.assertEqual({options.learning_rate_at(s, 10) for s in range(10)}, {2e-3})

    def test_badSchedule_refusedNamingChoices(self):
        with self.assertRaisesRegex(ValueError, "schedule must be one of"):
            TrainOptions(steps=10, schedule="linear")


if __name__ == "__main__":
    unittest.main()

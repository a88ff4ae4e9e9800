"""HydraConfig refuses builds that would break the contract, naming the rule."""

import unittest

import torch
from torch import nn

from hydranet.config import HydraConfig
from hydranet.heads import ObjectHead
from hydranet.model import build_model


class HydraConfigTests(unittest.TestCase):
    def test_init_brokenRule_raisesNamingIt(self):
        cases = {
            "backbone": dict(backbone="r101"),
            "stride": dict(stride=16),
            "height": dict(height=300),
            "width": dict(width=0),
            "classes must not be empty": dict(classes=()),
            "without commas": dict(classes=("car,truck",)),
            "unique": dict(classes=("car", "car")),
            "max_objects": dict(max_objects=0),
        }
        for rule, kwargs in cases.items():
            with self.subTest(rule=rule):
                with self.assertRaisesRegex(ValueError, rule):
                    HydraConfig(**kwargs)

    def test_init_defaults_simulatorModel(self):
        config = HydraConfig()
        self.assertEqual((config.backbone, config.height, config.width, config.stride), ("tiny", 288, 384, 4))
        self.assertEqual((config.grid_height, config.grid_width, config.max_objects), (72, 96, 32))


class ObjectHeadTests(unittest.TestCase):
    def test_tinyModel_objectTrunkIsItsConfiguredLayersAndWidth(self):
        config = HydraConfig()
        convs = [m for m in build_model(config, seed=0).objects.trunk if isinstance(m, nn.Conv2d)]
        self.assertEqual(len(convs), config.object_head_layers)
        self.assertGreaterEqual(config.object_head_layers, 2)
        self.assertEqual([c.out_channels for c in convs], [config.object_head_channels] * len(convs))
        self.assertEqual(convs[0].in_channels, config.neck_channels + ObjectHead.COORD_CHANNELS)

    def test_objectHead_twoLayers_mapsHaveTheirShapes(self):
        head = ObjectHead(in_ch=16, hidden=24, num_classes=3, stride=4, layers=2, grid=(9, 12))
        heat, offset, size, depth = head(torch.zeros(2, 16, 9, 12))
        self.assertEqual([tuple(t.shape) for t in (heat, offset, size, depth)],
                         [(2, 3, 9, 12), (2, 2, 9, 12), (2, 2, 9, 12), (2, 1, 9, 12)])

    def test_objectHead_coordinateChannels_spanTheGridCornerToCorner(self):
        coords = ObjectHead(in_ch=16, hidden=24, num_classes=1, stride=4, grid=(9, 12)).coords
        self.assertEqual(tuple(coords.shape), (1, 2, 9, 12))
        self.assertEqual((coords[0, 0, 4, 0].item(), coords[0, 0, 4, 11].item()), (-1.0, 1.0))  # column
        self.assertEqual((coords[0, 1, 0, 5].item(), coords[0, 1, 8, 5].item()), (-1.0, 1.0))  # row

    def test_objectHead_sameFeaturesAtTwoRows_differentOutputs(self):
        torch.manual_seed(0)
        head = ObjectHead(in_ch=4, hidden=8, num_classes=1, stride=4, grid=(9, 12))
        heat, _, _, depth = head(torch.ones(1, 4, 9, 12))
        self.assertNotAlmostEqual(depth[0, 0, 2, 6].item(), depth[0, 0, 6, 6].item(), places=4)

    def test_objectHead_otherGrid_raisesNamingBoth(self):
        head = ObjectHead(in_ch=4, hidden=8, num_classes=1, stride=4, grid=(9, 12))
        with self.assertRaisesRegex(ValueError, r"\(9, 12\) grid, got \(10, 12\)"):
            head(torch.zeros(1, 4, 10, 12))

    def test_objectHead_noLayers_raisesNamingIt(self):
        with self.assertRaisesRegex(ValueError, "at least one trunk layer"):
            ObjectHead(in_ch=16, hidden=24, num_classes=1, stride=4, layers=0)


if __name__ == "__main__":
    unittest.main()

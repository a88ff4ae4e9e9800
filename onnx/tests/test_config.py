"""HydraConfig refuses builds that would break the contract, naming the rule."""

import unittest

from hydranet.config import HydraConfig


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


if __name__ == "__main__":
    unittest.main()

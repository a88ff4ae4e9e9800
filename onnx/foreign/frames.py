"""The synthetic camera frame every case feeds: integer arithmetic only, so the bytes are the same on any machine."""

import numpy as np

# Filled rectangles as (left, top, right, bottom) in tenths of the frame size, and their RGB colour: hard edges at
# several scales so a wrong sampling position, axis swap or channel swap changes many input values.
RECTANGLES = (
    ((1, 2, 3, 5), (230, 40, 30)),     # red block, upper left
    ((6, 1, 9, 3), (20, 200, 60)),     # green block, upper right
    ((4, 6, 8, 9), (250, 250, 250)),   # white block, lower middle
    ((2, 7, 3, 10), (10, 10, 10)),     # black bar touching the bottom edge
)


def synthetic_frame(width_px: int, height_px: int) -> np.ndarray:
    """RGB uint8 [height, width, 3]: R a left-to-right ramp, G a top-to-bottom ramp, B a diagonal sawtooth
    (period 64 px), with the RECTANGLES painted over. Not symmetric, so a mirror or flip shows."""
    y, x = np.mgrid[0:height_px, 0:width_px].astype(np.int64)
    frame = np.empty((height_px, width_px, 3), dtype=np.uint8)
    frame[..., 0] = (255 * x) // max(width_px - 1, 1)
    frame[..., 1] = (255 * y) // max(height_px - 1, 1)
    frame[..., 2] = ((x + 2 * y) % 64) * 4
    for (l, t, r, b), colour in RECTANGLES:
        frame[height_px * t // 10:height_px * b // 10, width_px * l // 10:width_px * r // 10] = colour
    return frame

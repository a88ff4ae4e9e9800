"""Camera frame -> model input tensor, written out plainly so the C# preprocessor can be held to it by definition.

Semantics (onnx/foreign/README.md, "Preprocessing"): continuous pixel coordinates, pixel i covers [i, i + 1) and has its
centre at i + 0.5, in both the frame and the model input. The fit places the frame in the input as
input = frame * scale + offset per axis; each input pixel centre maps back to a frame position and is sampled
bilinearly (half-pixel centres, edges clamped, no antialiasing: PyTorch F.interpolate(mode="bilinear",
align_corners=False) semantics); a centre outside the placed frame takes the fill byte. Then channel order, then
(x - offset[c]) / divisor[c] per model channel, then layout and element type.

Everything is float64 here; the stored tensor is cast to the model's dtype at the end (float32, float16 round to
nearest even; uint8 rounds half up: floor(v + 0.5)).
"""

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

FITS = ("stretch", "letterbox", "centreCrop")


@dataclass(frozen=True)
class Fit:
    """Where the frame lands in the model input: inputX = frameX * scale_x + offset_x_px (same for y)."""

    mode: str
    frame_width_px: int
    frame_height_px: int
    input_width_px: int
    input_height_px: int
    scale_x: Fraction
    scale_y: Fraction
    offset_x_px: Fraction
    offset_y_px: Fraction

    def to_frame(self, input_x: float, input_y: float) -> tuple:
        """Model-input point -> frame point (may fall outside the frame: letterbox bars)."""
        return ((input_x - float(self.offset_x_px)) / float(self.scale_x),
                (input_y - float(self.offset_y_px)) / float(self.scale_y))

    def as_json(self) -> dict:
        return {
            "mode": self.mode,
            "scaleX": float(self.scale_x), "scaleY": float(self.scale_y),
            "offsetXPx": float(self.offset_x_px), "offsetYPx": float(self.offset_y_px),
            "placedWidthPx": float(self.frame_width_px * self.scale_x),
            "placedHeightPx": float(self.frame_height_px * self.scale_y),
        }


def make_fit(mode: str, frame_w: int, frame_h: int, input_w: int, input_h: int) -> Fit:
    """stretch: independent scales W/fw, H/fh, offsets 0. letterbox: s = min(W/fw, H/fh), centred (bars where the
    placed frame is smaller). centreCrop: s = max(W/fw, H/fh), centred (the overhang is cut). Offsets are
    (W - fw*s)/2 and (H - fh*s)/2, continuous (not rounded)."""
    rx, ry = Fraction(input_w, frame_w), Fraction(input_h, frame_h)
    if mode == "stretch":
        sx, sy = rx, ry
    elif mode == "letterbox":
        sx = sy = min(rx, ry)
    elif mode == "centreCrop":
        sx = sy = max(rx, ry)
    else:
        raise ValueError(f"fit must be one of {FITS} (got {mode!r})")
    ox = (input_w - frame_w * sx) / 2
    oy = (input_h - frame_h * sy) / 2
    return Fit(mode, frame_w, frame_h, input_w, input_h, sx, sy, ox, oy)


def axis_taps(frame_len: int, input_len: int, scale: Fraction, offset: Fraction):
    """Per input index i: (inside, first tap, second tap, weight of the second tap).

    inside: the centre c = i + 0.5 lies in the placed frame [offset, offset + frame_len*scale).
    source position p = (c - offset)/scale - 0.5, clamped to [0, frame_len - 1]; first = floor(p),
    second = min(first + 1, frame_len - 1), weight = p - first.
    """
    centre = np.arange(input_len, dtype=np.float64) + 0.5
    lo, hi = float(offset), float(offset + frame_len * scale)
    inside = (centre >= lo) & (centre < hi)
    position = np.clip((centre - float(offset)) / float(scale) - 0.5, 0.0, frame_len - 1)
    first = np.floor(position).astype(np.int64)
    second = np.minimum(first + 1, frame_len - 1)
    weight = position - first
    return inside, first, second, weight


def resample(frame: np.ndarray, fit: Fit, fill: int) -> np.ndarray:
    """frame uint8 [fh, fw, 3] RGB -> float64 [H, W, 3] RGB byte values (unrounded), per the fit; outside = fill."""
    fh, fw, _ = frame.shape
    assert (fw, fh) == (fit.frame_width_px, fit.frame_height_px), "frame size differs from the fit's"
    in_x, x0, x1, wx = axis_taps(fw, fit.input_width_px, fit.scale_x, fit.offset_x_px)
    in_y, y0, y1, wy = axis_taps(fh, fit.input_height_px, fit.scale_y, fit.offset_y_px)
    f = frame.astype(np.float64)
    wx3, wy3 = wx[None, :, None], wy[:, None, None]
    top = f[y0][:, x0] * (1 - wx3) + f[y0][:, x1] * wx3
    bottom = f[y1][:, x0] * (1 - wx3) + f[y1][:, x1] * wx3
    out = top * (1 - wy3) + bottom * wy3
    outside = ~(in_y[:, None] & in_x[None, :])
    out[outside] = float(fill)
    return out


@dataclass(frozen=True)
class InputSpec:
    """The manifest's input block, as Python values (offset/divisor already in the model's channel order)."""

    name: str
    layout: str          # "nchw" | "nhwc"
    dtype: str           # "float32" | "float16" | "uint8"
    colour_order: str    # "rgb" | "bgr"
    offset: tuple        # per model channel, on raw bytes
    divisor: tuple
    fit: str
    fill: int
    width_px: int
    height_px: int


def preprocess(frame: np.ndarray, spec: InputSpec) -> tuple:
    """One frame -> (tensor for one image [1, ...] in the model's dtype, the Fit, uint8 rounding ties).

    Ties (uint8 only): "exact" counts values whose fraction is exactly .5 in float64 (they are exact in float32 too
    when the bilinear weights are dyadic, as in every fixture, so floor(v + 0.5) decides them the same way in C#);
    "near" counts values within 1e-3 of .5 but not on it, where float32 and float64 could round apart."""
    fit = make_fit(spec.fit, frame.shape[1], frame.shape[0], spec.width_px, spec.height_px)
    rgb = resample(frame, fit, spec.fill)
    chans = rgb[..., ::-1] if spec.colour_order == "bgr" else rgb
    offset = np.asarray(spec.offset, dtype=np.float64)
    divisor = np.asarray(spec.divisor, dtype=np.float64)
    values = (chans - offset) / divisor                     # [H, W, C] in the model's channel order
    ties = None
    if spec.dtype == "uint8":
        off_half = np.abs(values - np.floor(values) - 0.5)
        ties = {"exact": int(np.count_nonzero(off_half == 0)), "near": int(np.count_nonzero((off_half > 0) & (off_half < 1e-3)))}
        values = np.floor(values + 0.5)
    tensor = values.transpose(2, 0, 1) if spec.layout == "nchw" else values
    dtype = {"float32": np.float32, "float16": np.float16, "uint8": np.uint8}[spec.dtype]
    return np.ascontiguousarray(tensor[None].astype(dtype)), fit, ties


def preprocess_by_interpolate(frame: np.ndarray, fit: Fit, fill: int) -> np.ndarray:
    """Cross-check of resample() with PyTorch's own bilinear resize, valid when the placed frame has a whole number
    of input pixels at whole-pixel offsets (true for every fixture): resize to the placed size, then pad or crop."""
    import torch
    import torch.nn.functional as F

    placed_w, placed_h = fit.frame_width_px * fit.scale_x, fit.frame_height_px * fit.scale_y
    for v in (placed_w, placed_h, fit.offset_x_px, fit.offset_y_px):
        assert v.denominator == 1, "cross-check needs whole-pixel placement"
    x = torch.from_numpy(frame.astype(np.float64)).permute(2, 0, 1)[None]
    x = F.interpolate(x, size=(int(placed_h), int(placed_w)), mode="bilinear", align_corners=False)[0].permute(1, 2, 0)
    out = torch.full((fit.input_height_px, fit.input_width_px, 3), float(fill), dtype=torch.float64)
    ox, oy = int(fit.offset_x_px), int(fit.offset_y_px)
    dst_x0, dst_y0 = max(ox, 0), max(oy, 0)
    dst_x1, dst_y1 = min(ox + int(placed_w), fit.input_width_px), min(oy + int(placed_h), fit.input_height_px)
    out[dst_y0:dst_y1, dst_x0:dst_x1] = x[dst_y0 - oy:dst_y1 - oy, dst_x0 - ox:dst_x1 - ox]
    return out.numpy()

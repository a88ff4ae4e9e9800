"""8-bit PNG reading and writing for the dataset: RGB images and grayscale label maps.

Reading uses PIL when it imports (Debian's python3-pil), else a small pure-python decoder (zlib + the five row
filters; 8-bit gray or RGB, no interlace, no palette). Writing is always the pure writer (filter 0, deterministic
bytes), used by the tests to build synthetic datasets.
"""

import struct
import zlib

import numpy as np

try:
    from PIL import Image as _PilImage
except ImportError:  # pragma: no cover - PIL is present on the development machine
    _PilImage = None

SIGNATURE = b"\x89PNG\r\n\x1a\n"
COLOUR_GRAY, COLOUR_RGB = 0, 2
CHANNELS = {COLOUR_GRAY: 1, COLOUR_RGB: 3}
PIL_MODES = {"L": 1, "RGB": 3}


class PngError(ValueError):
    """A file that is not an 8-bit gray or RGB, non-interlaced PNG."""


def read_size(path: str) -> tuple:
    """(height, width, channels) from the header only, without decoding the pixels."""
    with open(path, "rb") as f:
        head = f.read(33)
    if len(head) < 33 or head[:8] != SIGNATURE or head[12:16] != b"IHDR":
        raise PngError("not a PNG file (bad signature or no IHDR chunk first)")
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", head[16:29])
    _check_header(depth, colour, interlace)
    return height, width, CHANNELS[colour]


def read_png(path: str) -> np.ndarray:
    """uint8 [H,W] for gray, [H,W,3] for RGB."""
    if _PilImage is not None:
        with _PilImage.open(path) as image:
            if image.format != "PNG" or image.mode not in PIL_MODES:
                raise PngError(f"must be an 8-bit gray or RGB PNG, got {image.format} mode {image.mode}")
            return np.asarray(image, dtype=np.uint8).copy()
    return decode(open(path, "rb").read())


def decode(data: bytes) -> np.ndarray:
    """The pure-python decoder (used when PIL is absent)."""
    if data[:8] != SIGNATURE:
        raise PngError("not a PNG file (bad signature)")
    pos, idat, header = 8, [], None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    if header is None or not idat:
        raise PngError("no IHDR or IDAT chunk")
    width, height, depth, colour, _, _, interlace = header
    _check_header(depth, colour, interlace)
    channels = CHANNELS[colour]
    raw = zlib.decompress(b"".join(idat))
    row_bytes = width * channels
    if len(raw) != height * (row_bytes + 1):
        raise PngError(f"pixel data is {len(raw)} bytes, {height} rows of 1 + {row_bytes} expected")
    rows = np.frombuffer(raw, dtype=np.uint8).reshape(height, row_bytes + 1)
    out = np.zeros((height, row_bytes), dtype=np.uint8)
    previous = np.zeros(row_bytes, dtype=np.int32)
    for y in range(height):
        kind, line = rows[y, 0], rows[y, 1:].astype(np.int32)
        out[y] = _unfilter(kind, line, previous, channels)
        previous = out[y].astype(np.int32)
    return out.reshape(height, width) if channels == 1 else out.reshape(height, width, channels)


def _unfilter(kind: int, line: np.ndarray, up: np.ndarray, bpp: int) -> np.ndarray:
    if kind == 0:
        return line.astype(np.uint8)
    if kind == 2:
        return ((line + up) & 0xFF).astype(np.uint8)
    if kind not in (1, 3, 4):
        raise PngError(f"unknown row filter {kind}")
    out = np.zeros_like(line)
    for i in range(len(line)):  # Sub, Average and Paeth depend on the pixel to the left: sequential
        left = out[i - bpp] if i >= bpp else 0
        upper_left = up[i - bpp] if i >= bpp else 0
        if kind == 1:
            predictor = left
        elif kind == 3:
            predictor = (left + up[i]) >> 1
        else:
            p = left + up[i] - upper_left
            pa, pb, pc = abs(p - left), abs(p - up[i]), abs(p - upper_left)
            predictor = left if pa <= pb and pa <= pc else up[i] if pb <= pc else upper_left
        out[i] = (line[i] + predictor) & 0xFF
    return out.astype(np.uint8)


def _check_header(depth: int, colour: int, interlace: int) -> None:
    if depth != 8 or colour not in CHANNELS or interlace != 0:
        raise PngError(f"must be 8-bit gray (colour type 0) or RGB (2), not interlaced; got bit depth {depth}, "
                       f"colour type {colour}, interlace {interlace}")


def write_png(path: str, pixels: np.ndarray) -> None:
    """Writes uint8 [H,W] (gray) or [H,W,3] (RGB) as a PNG; same array, same bytes."""
    pixels = np.ascontiguousarray(pixels, dtype=np.uint8)
    if pixels.ndim == 2:
        colour, (height, width) = COLOUR_GRAY, pixels.shape
    elif pixels.ndim == 3 and pixels.shape[2] == 3:
        colour, (height, width) = COLOUR_RGB, pixels.shape[:2]
    else:
        raise ValueError(f"pixels must be [H,W] or [H,W,3] uint8, got shape {pixels.shape}")
    rows = pixels.reshape(height, -1)
    raw = b"".join(b"\x00" + rows[y].tobytes() for y in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))

using Octopilot.Cameras.Conversion;
using Octopilot.Cameras.V4l2.Device;

namespace Octopilot.Cameras.V4l2.Streaming;

/// <summary>
/// The one pass from a driver buffer into the slab's RGB24 rows: YUYV/UYVY/NV12 through the vectorised
/// <see cref="YuvToRgb"/> (the conversion the model's RGB input needs anyway: nothing is copied as such), or, when the
/// driver already delivers RGB24, a row-by-row copy (one memcpy when rows are packed). Built once per negotiated
/// format; allocation-free per frame.
/// </summary>
internal sealed class DriverFrameConverter
{
    private readonly V4l2PixFormat _format;
    private readonly YuvMatrix _matrix;

    public DriverFrameConverter(V4l2PixFormat format, YuvMatrix matrix)
    {
        if (!IsSupported(format.FourCc))
        {
            throw new ArgumentException($"no conversion from {format.FourCc} into RGB24", nameof(format));
        }

        if (format.BytesPerLine < RowBytes(format))
        {
            throw new ArgumentException(
                $"the driver's row stride of {format.BytesPerLine} bytes is shorter than a {format.WidthPx} px {format.FourCc} row ({RowBytes(format)} bytes)", nameof(format));
        }

        _format = format;
        _matrix = matrix;
        int rgbBytes = format.WidthPx * format.HeightPx * 3;
        bool isRgb = format.FourCc == V4l2FourCc.Rgb24;
        Transfer = new FrameTransfer(
            isRgb ? FrameTransferKind.CopiedFromDriverBuffer : FrameTransferKind.ConvertedFromDriverBuffer, isRgb ? rgbBytes : 0, rgbBytes);
        MinimumBytesUsed = format.FourCc == V4l2FourCc.Nv12
            ? (format.BytesPerLine * format.HeightPx) + (format.BytesPerLine * ((format.HeightPx + 1) / 2)) - (format.BytesPerLine - ((format.WidthPx + 1) & ~1))
            : (format.BytesPerLine * (format.HeightPx - 1)) + (format.WidthPx * (isRgb ? 3 : 2));
    }

    /// <summary>Formats this converter reads, in the order a camera picks them when the rig does not say: RGB24 needs
    /// no arithmetic, the 4:2:2 formats are what cameras stream, NV12 what ISPs give.</summary>
    public static IReadOnlyList<V4l2FourCc> Supported { get; } = [V4l2FourCc.Rgb24, V4l2FourCc.Yuyv, V4l2FourCc.Uyvy, V4l2FourCc.Nv12];

    public FrameTransfer Transfer { get; }

    /// <summary>A buffer with fewer bytes than this is a truncated frame.</summary>
    public int MinimumBytesUsed { get; }

    public static bool IsSupported(V4l2FourCc fourCc) => Supported.Contains(fourCc);

    /// <summary>Bytes of one row of the format's first plane (the least stride a driver may state).</summary>
    public static int RowBytes(V4l2PixFormat format) =>
        format.FourCc == V4l2FourCc.Rgb24 ? format.WidthPx * 3 : format.FourCc == V4l2FourCc.Nv12 ? (format.WidthPx + 1) & ~1 : format.WidthPx * 2;

    /// <summary>The matrix a driver's colour encoding names (V4L2_YCBCR_ENC_709 = 2, V4L2_QUANTIZATION_FULL_RANGE = 1;
    /// 0 means the colorspace's default: BT.709 for REC709 (3), BT.601 otherwise; full range for JPEG (7), limited otherwise).</summary>
    public static YuvMatrix MatrixOf(V4l2PixFormat format)
    {
        bool is709 = format.YcbcrEncoding == 2 || (format.YcbcrEncoding == 0 && format.Colorspace == 3);
        bool full = format.Quantization == 1 || (format.Quantization == 0 && format.Colorspace == 7); // JPEG colorspace defaults to full range
        return full ? YuvMatrix.Bt601Full : is709 ? YuvMatrix.Bt709Limited : YuvMatrix.Bt601Limited;
    }

    /// <summary>Writes the frame as packed RGB24 into <paramref name="rgb"/> (exactly width · height · 3 bytes).</summary>
    public void Convert(ReadOnlySpan<byte> frame, Span<byte> rgb)
    {
        int w = _format.WidthPx, h = _format.HeightPx, stride = _format.BytesPerLine;
        if (_format.FourCc == V4l2FourCc.Yuyv)
        {
            YuvToRgb.Yuyv(frame, stride, rgb, w, h, _matrix);
        }
        else if (_format.FourCc == V4l2FourCc.Uyvy)
        {
            YuvToRgb.Uyvy(frame, stride, rgb, w, h, _matrix);
        }
        else if (_format.FourCc == V4l2FourCc.Nv12)
        {
            // Single-planar NV12: the CbCr plane follows the Y plane at the same stride.
            int lumaBytes = stride * h;
            YuvToRgb.Nv12(frame[..lumaBytes], stride, frame[lumaBytes..], stride, rgb, w, h, _matrix);
        }
        else if (stride == w * 3)
        {
            frame[..(w * h * 3)].CopyTo(rgb);
        }
        else
        {
            for (int y = 0; y < h; y++)
            {
                frame.Slice(y * stride, w * 3).CopyTo(rgb.Slice(y * w * 3, w * 3));
            }
        }
    }
}

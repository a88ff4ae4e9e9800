using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Octopilot.Cameras.Conversion;

/// <summary>
/// Packed 4:2:2 (YUYV, UYVY) and semi-planar 4:2:0 (NV12) camera frames to packed RGB24 in one pass per row, straight
/// from the driver's buffer into the slab: the one copy a camera whose format is not the model's costs. Eight pixels at
/// a time in 128-bit vectors (SSE/AVX on x86-64, NEON on arm64) with the exact integer arithmetic of
/// <see cref="YuvCoefficients"/>, the row's tail scalar with the same arithmetic, so every pixel equals the scalar
/// reference bit for bit. Allocation-free; stateless, so any thread may call it.
/// </summary>
public static class YuvToRgb
{
    private const int Block = 8;

    /// <summary>YUYV (Y0 Cb Y1 Cr) → RGB24. <paramref name="sourceStrideBytes"/> ≥ 2·width; the destination is tightly packed.</summary>
    public static void Yuyv(ReadOnlySpan<byte> source, int sourceStrideBytes, Span<byte> rgb, int widthPx, int heightPx, YuvMatrix matrix) =>
        Packed422(source, sourceStrideBytes, rgb, widthPx, heightPx, matrix, yFirst: true);

    /// <summary>UYVY (Cb Y0 Cr Y1) → RGB24.</summary>
    public static void Uyvy(ReadOnlySpan<byte> source, int sourceStrideBytes, Span<byte> rgb, int widthPx, int heightPx, YuvMatrix matrix) =>
        Packed422(source, sourceStrideBytes, rgb, widthPx, heightPx, matrix, yFirst: false);

    /// <summary>NV12 (a Y plane, then one interleaved CbCr plane at half width and height) → RGB24.</summary>
    public static void Nv12(
        ReadOnlySpan<byte> luma, int lumaStrideBytes, ReadOnlySpan<byte> chroma, int chromaStrideBytes, Span<byte> rgb, int widthPx, int heightPx, YuvMatrix matrix)
    {
        CheckSizes(widthPx, heightPx, rgb.Length);
        Check(lumaStrideBytes >= widthPx && luma.Length >= ((long)lumaStrideBytes * (heightPx - 1)) + widthPx, "luma", "the Y plane is smaller than stride · height");
        int chromaRows = (heightPx + 1) / 2, chromaBytes = ((widthPx + 1) / 2) * 2;
        Check(chromaStrideBytes >= chromaBytes && chroma.Length >= ((long)chromaStrideBytes * (chromaRows - 1)) + chromaBytes, "chroma", "the CbCr plane is smaller than stride · (height + 1)/2");
        YuvCoefficients k = YuvCoefficients.Of(matrix);
        for (int y = 0; y < heightPx; y++)
        {
            ReadOnlySpan<byte> yRow = luma.Slice(y * lumaStrideBytes, widthPx);
            ReadOnlySpan<byte> uvRow = chroma.Slice((y / 2) * chromaStrideBytes, chromaBytes);
            Span<byte> outRow = rgb.Slice(y * widthPx * 3, widthPx * 3);
            int x = 0;
            if (Vector128.IsHardwareAccelerated)
            {
                // 8 pixels: 8 Y bytes and 4 CbCr pairs.
                for (; x + Block <= widthPx; x += Block)
                {
                    Vector128<byte> yBytes = Vector128.Create(Unsafe.ReadUnaligned<ulong>(ref Unsafe.AsRef(in yRow[x])), 0UL).AsByte();
                    Vector128<byte> uv = Vector128.Create(Unsafe.ReadUnaligned<ulong>(ref Unsafe.AsRef(in uvRow[x])), 0UL).AsByte();
                    Vector128<byte> u = Vector128.Shuffle(uv, Vector128.Create((byte)0, 0, 2, 2, 4, 4, 6, 6, 255, 255, 255, 255, 255, 255, 255, 255));
                    Vector128<byte> v = Vector128.Shuffle(uv, Vector128.Create((byte)1, 1, 3, 3, 5, 5, 7, 7, 255, 255, 255, 255, 255, 255, 255, 255));
                    Store8(yBytes, u, v, k, outRow.Slice(x * 3));
                }
            }

            for (; x < widthPx; x++)
            {
                Scalar(yRow[x], uvRow[x & ~1], uvRow[(x & ~1) + 1], k, outRow.Slice(x * 3, 3));
            }
        }
    }

    private static void Packed422(
        ReadOnlySpan<byte> source, int sourceStrideBytes, Span<byte> rgb, int widthPx, int heightPx, YuvMatrix matrix, bool yFirst)
    {
        CheckSizes(widthPx, heightPx, rgb.Length);
        Check((widthPx & 1) == 0, "widthPx", "4:2:2 frames have an even width (a Cb/Cr pair per two pixels)");
        int rowBytes = widthPx * 2;
        Check(sourceStrideBytes >= rowBytes && source.Length >= ((long)sourceStrideBytes * (heightPx - 1)) + rowBytes, "source", "the frame is smaller than stride · height");
        YuvCoefficients k = YuvCoefficients.Of(matrix);
        int y0 = yFirst ? 0 : 1, u0 = yFirst ? 1 : 0, v0 = yFirst ? 3 : 2;
        Vector128<byte> yIndex = Vector128.Create((byte)y0, (byte)(y0 + 2), (byte)(y0 + 4), (byte)(y0 + 6), (byte)(y0 + 8), (byte)(y0 + 10), (byte)(y0 + 12), (byte)(y0 + 14), 255, 255, 255, 255, 255, 255, 255, 255);
        Vector128<byte> uIndex = Vector128.Create((byte)u0, (byte)u0, (byte)(u0 + 4), (byte)(u0 + 4), (byte)(u0 + 8), (byte)(u0 + 8), (byte)(u0 + 12), (byte)(u0 + 12), 255, 255, 255, 255, 255, 255, 255, 255);
        Vector128<byte> vIndex = Vector128.Create((byte)v0, (byte)v0, (byte)(v0 + 4), (byte)(v0 + 4), (byte)(v0 + 8), (byte)(v0 + 8), (byte)(v0 + 12), (byte)(v0 + 12), 255, 255, 255, 255, 255, 255, 255, 255);
        for (int y = 0; y < heightPx; y++)
        {
            ReadOnlySpan<byte> row = source.Slice(y * sourceStrideBytes, rowBytes);
            Span<byte> outRow = rgb.Slice(y * widthPx * 3, widthPx * 3);
            int x = 0;
            if (Vector128.IsHardwareAccelerated)
            {
                for (; x + Block <= widthPx; x += Block)
                {
                    Vector128<byte> pixels = Vector128.Create(row.Slice(x * 2, 16));
                    Store8(Vector128.Shuffle(pixels, yIndex), Vector128.Shuffle(pixels, uIndex), Vector128.Shuffle(pixels, vIndex), k, outRow.Slice(x * 3));
                }
            }

            for (; x < widthPx; x++)
            {
                int pair = (x & ~1) * 2;
                Scalar(row[(x * 2) + (yFirst ? 0 : 1)], row[pair + u0], row[pair + v0], k, outRow.Slice(x * 3, 3));
            }
        }
    }

    /// <summary>
    /// Converts 8 pixels (the low 8 bytes of <paramref name="yBytes"/>, <paramref name="u"/>, <paramref name="v"/>; chroma
    /// already duplicated per pixel) and writes their 24 RGB bytes (a 16-byte and an 8-byte store).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store8(Vector128<byte> yBytes, Vector128<byte> u, Vector128<byte> v, YuvCoefficients k, Span<byte> destination)
    {
        Vector128<int> yl = Vector128.WidenLower(Vector128.WidenLower(yBytes)).AsInt32() - Vector128.Create(k.YOffset);
        Vector128<int> yh = Vector128.WidenUpper(Vector128.WidenLower(yBytes)).AsInt32() - Vector128.Create(k.YOffset);
        Vector128<int> ul = Vector128.WidenLower(Vector128.WidenLower(u)).AsInt32() - Vector128.Create(128);
        Vector128<int> uh = Vector128.WidenUpper(Vector128.WidenLower(u)).AsInt32() - Vector128.Create(128);
        Vector128<int> vl = Vector128.WidenLower(Vector128.WidenLower(v)).AsInt32() - Vector128.Create(128);
        Vector128<int> vh = Vector128.WidenUpper(Vector128.WidenLower(v)).AsInt32() - Vector128.Create(128);
        Vector128<int> round = Vector128.Create(128);
        Vector128<int> cl = (yl * k.Ys) + round, ch = (yh * k.Ys) + round;
        Vector128<byte> r = Pack(cl + (vl * k.Rv), ch + (vh * k.Rv));
        Vector128<byte> g = Pack(cl - (ul * k.Gu) - (vl * k.Gv), ch - (uh * k.Gu) - (vh * k.Gv));
        Vector128<byte> b = Pack(cl + (ul * k.Bu), ch + (uh * k.Bu));

        // rg = R0..R7 G0..G7, b = B0..B7: interleave with two shuffles each (an index ≥ 16 reads as 0) and an OR.
        Vector128<byte> rg = Vector128.Create(r.AsUInt64().ToScalar(), g.AsUInt64().ToScalar()).AsByte();
        Vector128<byte> first = Vector128.Shuffle(rg, Vector128.Create((byte)0, 8, 255, 1, 9, 255, 2, 10, 255, 3, 11, 255, 4, 12, 255, 5))
            | Vector128.Shuffle(b, Vector128.Create((byte)255, 255, 0, 255, 255, 1, 255, 255, 2, 255, 255, 3, 255, 255, 4, 255));
        Vector128<byte> second = Vector128.Shuffle(rg, Vector128.Create((byte)13, 255, 6, 14, 255, 7, 15, 255, 255, 255, 255, 255, 255, 255, 255, 255))
            | Vector128.Shuffle(b, Vector128.Create((byte)255, 5, 255, 255, 6, 255, 255, 7, 255, 255, 255, 255, 255, 255, 255, 255));
        first.CopyTo(destination);
        Unsafe.WriteUnaligned(ref destination[16], second.AsUInt64().ToScalar());
    }

    /// <summary>(x &gt;&gt; 8) clamped to 0..255 for 8 lanes, packed into the low 8 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Pack(Vector128<int> low, Vector128<int> high)
    {
        Vector128<int> max = Vector128.Create(255);
        Vector128<int> l = Vector128.Clamp(Vector128.ShiftRightArithmetic(low, 8), Vector128<int>.Zero, max);
        Vector128<int> h = Vector128.Clamp(Vector128.ShiftRightArithmetic(high, 8), Vector128<int>.Zero, max);
        return Vector128.Narrow(Vector128.Narrow(l, h).AsUInt16(), Vector128<ushort>.Zero);
    }

    /// <summary>One pixel with exactly the vector path's arithmetic (the reference, and every row's tail).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Scalar(int yValue, int cb, int cr, YuvCoefficients k, Span<byte> rgb)
    {
        int c = ((yValue - k.YOffset) * k.Ys) + 128, d = cb - 128, e = cr - 128;
        rgb[0] = (byte)Math.Clamp((c + (k.Rv * e)) >> 8, 0, 255);
        rgb[1] = (byte)Math.Clamp((c - (k.Gu * d) - (k.Gv * e)) >> 8, 0, 255);
        rgb[2] = (byte)Math.Clamp((c + (k.Bu * d)) >> 8, 0, 255);
    }

    private static void CheckSizes(int widthPx, int heightPx, int rgbLength)
    {
        Check(widthPx > 0 && heightPx > 0, "widthPx", "width and height must be > 0");
        Check(rgbLength >= (long)widthPx * heightPx * 3, "rgb", "the RGB24 destination is smaller than width · height · 3");
    }

    private static void Check(bool ok, string parameter, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException(rule, parameter);
        }
    }
}

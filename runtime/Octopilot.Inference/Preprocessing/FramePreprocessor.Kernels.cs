using System.Numerics;
using System.Runtime.CompilerServices;

namespace Octopilot.Inference.Preprocessing;

/// <summary>The per-frame pass: arguments are checked by the public <c>Write</c> overloads before any of this runs.</summary>
public sealed partial class FramePreprocessor
{
    private unsafe void WriteImage<T, TConvert>(ReadOnlySpan<byte> frameRgb, Span<T> tensor, int batchIndex)
        where T : unmanaged
        where TConvert : struct, IElementConverter<T>
    {
        T fill0 = TConvert.FromSingle(_fill0), fill1 = TConvert.FromSingle(_fill1), fill2 = TConvert.FromSingle(_fill2);
        int inputWidthPx = InputWidthPx;
        int contentX0 = _columns.ContentStart, contentX1 = _columns.ContentEnd;
        int contentY0 = _rows.ContentStart, contentY1 = _rows.ContentEnd;
        int[] rowSource0 = _rows.Source0;
        float[] rowWeight = _rows.Weight;

        fixed (byte* frame = frameRgb)
        fixed (T* tensorStart = tensor)
        fixed (float* blended = _blendedRow)
        {
            T* image = tensorStart + ((nint)batchIndex * _elementsPerImage);
            for (int y = 0; y < InputHeightPx; y++)
            {
                T* row = image + ((nint)y * _rowStride);
                if (y < contentY0 || y >= contentY1)
                {
                    FillPixels(row, 0, inputWidthPx, fill0, fill1, fill2);
                    continue;
                }

                FillPixels(row, 0, contentX0, fill0, fill1, fill2);
                FillPixels(row, contentX1, inputWidthPx, fill0, fill1, fill2);
                T* content = row + ((nint)contentX0 * _pixelStride);
                if (typeof(T) == typeof(Half))
                {
                    // float16: the row is built in float32 (same layout, the content's width), then converted in one
                    // vectorised pass (F16C): a scalar (Half) cast per element costs three times the whole blend.
                    int width = contentX1 - contentX0;
                    fixed (float* scratch = _halfRowScratch)
                    {
                        nint planeStride = _pixelStride == 1 ? width : 1;
                        WriteContentRow<float, SingleConverter>(frame, blended, y, contentX0, contentY0, rowSource0, rowWeight, scratch, planeStride);
                        var halves = (Half*)content;
                        if (_pixelStride == 1)
                        {
                            for (int c = 0; c < Channels; c++)
                            {
                                System.Numerics.Tensors.TensorPrimitives.ConvertToHalf(
                                    new ReadOnlySpan<float>(scratch + (c * planeStride), width), new Span<Half>(halves + (c * (nint)_channelStride), width));
                            }
                        }
                        else
                        {
                            System.Numerics.Tensors.TensorPrimitives.ConvertToHalf(
                                new ReadOnlySpan<float>(scratch, width * Channels), new Span<Half>(halves, width * Channels));
                        }
                    }
                }
                else
                {
                    WriteContentRow<T, TConvert>(frame, blended, y, contentX0, contentY0, rowSource0, rowWeight, content, _channelStride);
                }
            }
        }
    }

    /// <summary>The content pixels of output row <paramref name="y"/>, written at <paramref name="content"/> with the layout's
    /// pixel stride and <paramref name="channelStride"/> between channel planes.</summary>
    private unsafe void WriteContentRow<T, TConvert>(
        byte* frame, float* blended, int y, int contentX0, int contentY0, int[] rowSource0, float[] rowWeight, T* content, nint channelStride)
        where T : unmanaged
        where TConvert : struct, IElementConverter<T>
    {
        if (_copyPath)
        {
            byte* source = frame + ((nint)(y - _copyShiftY) * _frameRowBytes) + ((contentX0 - _copyShiftX) * Channels);
            CopyRow<T, TConvert>(source, content, _columns.ContentEnd - contentX0, channelStride);
        }
        else
        {
            byte* top = frame + ((nint)rowSource0[y - contentY0] * _frameRowBytes) + _sourceStartByte;
            BlendRows(top, top + _frameRowBytes, rowWeight[y - contentY0], blended, _blendedRow.Length);
            BlendColumns<T, TConvert>(blended, content, channelStride);
        }
    }

    /// <summary>Pixels [from, to) of one output row get the (scaled) fill value per channel.</summary>
    private unsafe void FillPixels<T>(T* row, int from, int to, T fill0, T fill1, T fill2)
        where T : unmanaged
    {
        if (from >= to)
        {
            return;
        }

        if (_pixelStride == 1)
        {
            // NCHW: one contiguous run per channel plane.
            new Span<T>(row + from, to - from).Fill(fill0);
            new Span<T>(row + _channelStride + from, to - from).Fill(fill1);
            new Span<T>(row + (2 * (nint)_channelStride) + from, to - from).Fill(fill2);
            return;
        }

        for (T* pixel = row + (from * Channels), end = row + (to * Channels); pixel < end; pixel += Channels)
        {
            pixel[0] = fill0;
            pixel[1] = fill1;
            pixel[2] = fill2;
        }
    }

    /// <summary>
    /// blended[i] = top[i] + weight·(bottom[i] − top[i]) for one source row span: the vertical half of the bilinear blend,
    /// for every byte (all three channels at once; the channel order does not matter here).
    /// </summary>
    private static unsafe void BlendRows(byte* top, byte* bottom, float weight, float* blended, int count)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var w = new Vector<float>(weight);
            int half = Vector<ushort>.Count;
            for (; i <= count - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                Vector.Widen(Unsafe.ReadUnaligned<Vector<byte>>(top + i), out Vector<ushort> topLow, out Vector<ushort> topHigh);
                Vector.Widen(Unsafe.ReadUnaligned<Vector<byte>>(bottom + i), out Vector<ushort> bottomLow, out Vector<ushort> bottomHigh);
                BlendWidened(topLow, bottomLow, w, blended + i);
                BlendWidened(topHigh, bottomHigh, w, blended + i + half);
            }
        }

        for (; i < count; i++)
        {
            float a = top[i];
            blended[i] = a + (weight * (bottom[i] - a));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void BlendWidened(Vector<ushort> top, Vector<ushort> bottom, Vector<float> weight, float* blended)
    {
        Vector.Widen(top, out Vector<uint> topLow, out Vector<uint> topHigh);
        Vector.Widen(bottom, out Vector<uint> bottomLow, out Vector<uint> bottomHigh);
        Vector<float> a = Vector.ConvertToSingle(Vector.AsVectorInt32(topLow));
        Vector<float> b = Vector.ConvertToSingle(Vector.AsVectorInt32(bottomLow));
        Unsafe.WriteUnaligned(blended, a + (weight * (b - a)));
        a = Vector.ConvertToSingle(Vector.AsVectorInt32(topHigh));
        b = Vector.ConvertToSingle(Vector.AsVectorInt32(bottomHigh));
        Unsafe.WriteUnaligned(blended + Vector<float>.Count, a + (weight * (b - a)));
    }

    /// <summary>
    /// The horizontal half of the blend fused with everything else: per content pixel gather the two taps of the model's
    /// channel order from the vertically blended row, blend, scale, convert, store in the layout.
    /// </summary>
    private unsafe void BlendColumns<T, TConvert>(float* blended, T* content, nint channelStride)
        where T : unmanaged
        where TConvert : struct, IElementConverter<T>
    {
        // Fields into locals: stores through T* would otherwise make the JIT reload them every pixel.
        int source0 = _source0, source1 = _source1, source2 = _source2;
        float scale0 = _scale0, scale1 = _scale1, scale2 = _scale2;
        float bias0 = _bias0, bias1 = _bias1, bias2 = _bias2;
        int pixelStride = _pixelStride;
        T* out0 = content, out1 = content + channelStride, out2 = content + (2 * channelStride);
        int count = _columnTapOffsets.Length;
        fixed (int* taps = _columnTapOffsets)
        fixed (float* weights = _columns.Weight)
        {
            for (int x = 0; x < count; x++)
            {
                float* tap = blended + taps[x];
                float w = weights[x];
                float a0 = tap[source0], a1 = tap[source1], a2 = tap[source2];
                *out0 = TConvert.FromSingle(((a0 + (w * (tap[source0 + Channels] - a0))) * scale0) + bias0);
                *out1 = TConvert.FromSingle(((a1 + (w * (tap[source1 + Channels] - a1))) * scale1) + bias1);
                *out2 = TConvert.FromSingle(((a2 + (w * (tap[source2 + Channels] - a2))) * scale2) + bias2);
                out0 += pixelStride;
                out1 += pixelStride;
                out2 += pixelStride;
            }
        }
    }

    /// <summary>Same-size path: each content pixel is one frame pixel, reordered, scaled and stored; nothing is blended.</summary>
    private unsafe void CopyRow<T, TConvert>(byte* source, T* content, int count, nint channelStride)
        where T : unmanaged
        where TConvert : struct, IElementConverter<T>
    {
        if (typeof(T) == typeof(byte) && _pixelStride == Channels && _source0 == 0)
        {
            // uint8 NHWC RGB: scaling is identity (checked at construction), so the row is the frame row.
            Buffer.MemoryCopy(source, content, (long)count * Channels, (long)count * Channels);
            return;
        }

        int source0 = _source0, source1 = _source1, source2 = _source2;
        float scale0 = _scale0, scale1 = _scale1, scale2 = _scale2;
        float bias0 = _bias0, bias1 = _bias1, bias2 = _bias2;
        int pixelStride = _pixelStride;
        T* out0 = content, out1 = content + channelStride, out2 = content + (2 * channelStride);
        for (byte* pixel = source, end = source + ((nint)count * Channels); pixel < end; pixel += Channels)
        {
            *out0 = TConvert.FromSingle((pixel[source0] * scale0) + bias0);
            *out1 = TConvert.FromSingle((pixel[source1] * scale1) + bias1);
            *out2 = TConvert.FromSingle((pixel[source2] * scale2) + bias2);
            out0 += pixelStride;
            out1 += pixelStride;
            out2 += pixelStride;
        }
    }
}

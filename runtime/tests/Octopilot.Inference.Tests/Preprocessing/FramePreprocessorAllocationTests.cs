using System.Runtime.InteropServices;
using Octopilot.Inference.Manifest;
using Octopilot.Inference.Preprocessing;

namespace Octopilot.Inference.Tests.Preprocessing;

/// <summary>After construction a frame costs no managed allocation, on every element type and both paths.</summary>
public sealed class FramePreprocessorAllocationTests
{
    [Theory]
    [InlineData(InputElementType.Float32, TensorLayout.Nchw, SpatialFit.Letterbox, 640, 384)]
    [InlineData(InputElementType.Float16, TensorLayout.Nhwc, SpatialFit.CentreCrop, 320, 320)]
    [InlineData(InputElementType.Uint8, TensorLayout.Nhwc, SpatialFit.Stretch, 640, 384)]
    [InlineData(InputElementType.Float32, TensorLayout.Nchw, SpatialFit.Stretch, 800, 450)]
    [InlineData(InputElementType.Uint8, TensorLayout.Nchw, SpatialFit.Stretch, 800, 450)]
    public unsafe void Write_HundredFramesAfterWarmup_AllocateZeroManagedBytes(InputElementType type, TensorLayout layout, SpatialFit fit, int inputW, int inputH)
    {
        const int FrameW = 800, FrameH = 450;
        InputScaling scaling = type == InputElementType.Uint8 ? InputScaling.Identity : InputScaling.MeanStd(PreprocessingCases.ImageNetMean, PreprocessingCases.ImageNetStd);
        var pre = new FramePreprocessor(PreprocessingCases.Input(layout, type, ColourOrder.Bgr, scaling, fit), FrameW, FrameH, inputW, inputH, batchSize: 2);

        // The frame lives in native memory, as a slab slot does.
        byte* frameMemory = (byte*)NativeMemory.AllocZeroed(FrameW * FrameH * 3);
        try
        {
            var frame = new ReadOnlySpan<byte>(frameMemory, FrameW * FrameH * 3);
            var floats = new float[type == InputElementType.Float32 ? pre.TensorElements : 0];
            var halves = new Half[type == InputElementType.Float16 ? pre.TensorElements : 0];
            var bytes = new byte[type == InputElementType.Uint8 ? pre.TensorElements : 0];
            int warm = 0;
            Octopilot.Testing.JitWarmUp.ToFinalTier(() => WriteFrame(pre, type, new ReadOnlySpan<byte>(frameMemory, FrameW * FrameH * 3), floats, halves, bytes, warm++ % 2));

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                WriteFrame(pre, type, frame, floats, halves, bytes, i % 2);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        finally
        {
            NativeMemory.Free(frameMemory);
        }
    }

    private static void WriteFrame(FramePreprocessor pre, InputElementType type, ReadOnlySpan<byte> frame, float[] floats, Half[] halves, byte[] bytes, int batchIndex)
    {
        switch (type)
        {
            case InputElementType.Float32:
                pre.Write(frame, floats, batchIndex);
                break;
            case InputElementType.Float16:
                pre.Write(frame, halves, batchIndex);
                break;
            default:
                pre.Write(frame, bytes, batchIndex);
                break;
        }
    }
}

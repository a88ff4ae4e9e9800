using Octopilot.Inference.Manifest;
using Octopilot.Inference.Preprocessing;

namespace Octopilot.Inference.Tests.Preprocessing;

/// <summary>When the frame is the input's size, pixels are copied (reordered, scaled) and never blended.</summary>
public sealed class FramePreprocessorCopyPathTests
{
    private const int WidthPx = 67;
    private const int HeightPx = 41;

    [Theory]
    [InlineData(SpatialFit.Stretch)]
    [InlineData(SpatialFit.Letterbox)]
    [InlineData(SpatialFit.CentreCrop)]
    public void Write_SameSizeUInt8NhwcRgb_IsByteForByteTheFrame(SpatialFit fit)
    {
        ManifestInput input = PreprocessingCases.Input(TensorLayout.Nhwc, InputElementType.Uint8, ColourOrder.Rgb, InputScaling.Identity, fit);
        var pre = new FramePreprocessor(input, WidthPx, HeightPx, WidthPx, HeightPx, batchSize: 1);
        byte[] frame = PreprocessingCases.RandomFrame(WidthPx, HeightPx, seed: 1);
        var tensor = new byte[pre.TensorElements];

        pre.Write(frame, tensor, 0);

        Assert.True(pre.UsesCopyPath);
        Assert.Equal(frame, tensor);
    }

    [Fact]
    public void Write_SameSizeUInt8NhwcBgr_SwapsRedAndBlueExactly()
    {
        ManifestInput input = PreprocessingCases.Input(TensorLayout.Nhwc, InputElementType.Uint8, ColourOrder.Bgr, InputScaling.Identity, SpatialFit.Stretch);
        var pre = new FramePreprocessor(input, WidthPx, HeightPx, WidthPx, HeightPx, batchSize: 1);
        byte[] frame = PreprocessingCases.RandomFrame(WidthPx, HeightPx, seed: 2);
        var tensor = new byte[pre.TensorElements];

        pre.Write(frame, tensor, 0);

        for (int p = 0; p < WidthPx * HeightPx; p++)
        {
            Assert.Equal((frame[(3 * p) + 2], frame[(3 * p) + 1], frame[3 * p]), (tensor[3 * p], tensor[(3 * p) + 1], tensor[(3 * p) + 2]));
        }
    }

    [Theory]
    [InlineData(InputElementType.Float32, ColourOrder.Rgb)]
    [InlineData(InputElementType.Float16, ColourOrder.Bgr)]
    public void Write_SameSizeNchwIdentity_PlanesHoldTheExactBytes(InputElementType type, ColourOrder order)
    {
        ManifestInput input = PreprocessingCases.Input(TensorLayout.Nchw, type, order, InputScaling.Identity, SpatialFit.Stretch);
        var pre = new FramePreprocessor(input, WidthPx, HeightPx, WidthPx, HeightPx, batchSize: 2);
        byte[] frame = PreprocessingCases.RandomFrame(WidthPx, HeightPx, seed: 3);
        var values = new double[pre.TensorElements];
        if (type == InputElementType.Float32)
        {
            var tensor = new float[pre.TensorElements];
            pre.Write(frame, tensor, 1);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = tensor[i];
            }
        }
        else
        {
            var tensor = new Half[pre.TensorElements];
            pre.Write(frame, tensor, 1);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (double)tensor[i];
            }
        }

        Assert.True(pre.UsesCopyPath);
        for (int c = 0; c < 3; c++)
        {
            int frameChannel = order == ColourOrder.Bgr ? 2 - c : c;
            for (int p = 0; p < WidthPx * HeightPx; p++)
            {
                // Every byte is exact in float32 and float16 (integers up to 2048), so any blending would show.
                Assert.Equal(frame[(3 * p) + frameChannel], values[ReferencePreprocessor.IndexOf(TensorLayout.Nchw, WidthPx, HeightPx, 1, c, p / WidthPx, p % WidthPx)]);
            }
        }
    }

    [Fact]
    public void Constructor_DifferentSize_UsesBilinearPath()
    {
        var pre = new FramePreprocessor(PreprocessingCases.Input(), WidthPx, HeightPx, WidthPx - 1, HeightPx, batchSize: 1);

        Assert.False(pre.UsesCopyPath);
    }
}

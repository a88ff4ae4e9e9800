using Octopilot.Inference.Manifest;
using Octopilot.Inference.Preprocessing;

namespace Octopilot.Inference.Tests.Preprocessing;

/// <summary>Letterbox bars hold the fill byte after the model channel's scaling; the rows/columns next to them are image.</summary>
public sealed class FramePreprocessorPaddingTests
{
    [Fact]
    public void Write_WideFrameLetterboxMeanStd_BarRowsHoldScaledFillPerModelChannel()
    {
        // 1600x900 -> 640x384: scale 0.4, image 640x360 at y 12..371; bars are rows 0..11 and 372..383.
        InputScaling scaling = InputScaling.MeanStd(PreprocessingCases.ImageNetMean, PreprocessingCases.ImageNetStd);
        ManifestInput input = PreprocessingCases.Input(TensorLayout.Nchw, InputElementType.Float32, ColourOrder.Bgr, scaling, SpatialFit.Letterbox, fill: 114);
        var pre = new FramePreprocessor(input, 1600, 900, 640, 384, batchSize: 1);
        var tensor = new float[pre.TensorElements];
        byte[] frame = new byte[1600 * 900 * 3]; // black: the image rows are far from the grey fill

        pre.Write(frame, tensor, 0);

        for (int c = 0; c < 3; c++)
        {
            float fill = (float)((114 - (255 * PreprocessingCases.ImageNetMean[c])) / (255 * PreprocessingCases.ImageNetStd[c]));
            float black = (float)(-PreprocessingCases.ImageNetMean[c] / PreprocessingCases.ImageNetStd[c]);
            for (int y = 0; y < 384; y++)
            {
                bool bar = y < 12 || y >= 372;
                for (int x = 0; x < 640; x++)
                {
                    float value = tensor[ReferencePreprocessor.IndexOf(TensorLayout.Nchw, 640, 384, 0, c, y, x)];
                    Assert.True(Math.Abs(value - (bar ? fill : black)) <= 1e-5, $"channel {c} (x {x}, y {y}) = {value}, want {(bar ? fill : black)}");
                }
            }
        }
    }

    [Fact]
    public void Write_TallFrameLetterboxUInt8Nhwc_BarColumnsHoldFillByte()
    {
        // 900x1600 -> 640x384: scale 0.24, image 216x384 at x 212..427.
        ManifestInput input = PreprocessingCases.Input(TensorLayout.Nhwc, InputElementType.Uint8, ColourOrder.Rgb, InputScaling.Identity, SpatialFit.Letterbox, fill: 114);
        var pre = new FramePreprocessor(input, 900, 1600, 640, 384, batchSize: 2);
        var tensor = new byte[pre.TensorElements];
        byte[] frame = new byte[900 * 1600 * 3];
        Array.Fill(frame, (byte)255);

        pre.Write(frame, tensor, 1);

        for (int y = 0; y < 384; y++)
        {
            for (int x = 0; x < 640; x++)
            {
                bool bar = x < 212 || x >= 428;
                for (int c = 0; c < 3; c++)
                {
                    Assert.Equal(bar ? 114 : 255, tensor[ReferencePreprocessor.IndexOf(TensorLayout.Nhwc, 640, 384, 1, c, y, x)]);
                }
            }
        }
    }

    [Fact]
    public void Write_AspectMatchesInput_LetterboxHasNoBars()
    {
        ManifestInput input = PreprocessingCases.Input(fit: SpatialFit.Letterbox);
        var pre = new FramePreprocessor(input, 1280, 720, 640, 360, batchSize: 1);
        var tensor = new float[pre.TensorElements];
        byte[] frame = new byte[1280 * 720 * 3];
        Array.Fill(frame, (byte)9);

        pre.Write(frame, tensor, 0);

        Assert.All(tensor, v => Assert.Equal(9f, v));
        Assert.Equal((0.0, 0.0), (pre.Fit.OffsetXPx, pre.Fit.OffsetYPx));
    }
}

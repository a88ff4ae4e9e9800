using Xunit.Abstractions;
using Octopilot.Inference.Manifest;

namespace Octopilot.Inference.Tests.Preprocessing;

/// <summary>
/// Every layout × element type × channel order × fit × scaling (uint8 only with none: other scalings are refused) against
/// the plain reference, on random frames, at three size pairs chosen so every fit has work to do:
/// <list type="bullet">
/// <item>37×23 → 16×12: downscale by non-integer factors; letterbox pads top/bottom; crop cuts the sides.</item>
/// <item>13×9 → 24×30: upscale; letterbox pads an odd 13 rows (6 top, 7 bottom); crop cuts the sides.</item>
/// <item>20×30 → 32×16: letterbox pads 21 columns (10 left, 11 right); crop cuts top and bottom.</item>
/// </list>
/// Odd frame widths leave a tail after the vectorised vertical blend (37·3 = 111 bytes), so both halves run.
/// </summary>
public sealed class FramePreprocessorReferenceTests(ITestOutputHelper output)
{
    private static readonly (int FrameW, int FrameH, int InputW, int InputH)[] Sizes = [(37, 23, 16, 12), (13, 9, 24, 30), (20, 30, 32, 16)];

    public static TheoryData<TensorLayout, InputElementType, ColourOrder, SpatialFit, string, string> Combinations()
    {
        var data = new TheoryData<TensorLayout, InputElementType, ColourOrder, SpatialFit, string, string>();
        foreach ((int fw, int fh, int iw, int ih) in Sizes)
        {
            string size = $"{fw}x{fh}->{iw}x{ih}";
            foreach (TensorLayout layout in Enum.GetValues<TensorLayout>())
            {
                foreach (InputElementType type in Enum.GetValues<InputElementType>())
                {
                    foreach (ColourOrder order in Enum.GetValues<ColourOrder>())
                    {
                        foreach (SpatialFit fit in Enum.GetValues<SpatialFit>())
                        {
                            foreach (string scaling in type == InputElementType.Uint8 ? ["none"] : PreprocessingCases.ScalingNames)
                            {
                                data.Add(layout, type, order, fit, scaling, size);
                            }
                        }
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Write_EveryCombination_MatchesReference(TensorLayout layout, InputElementType type, ColourOrder order, SpatialFit fit, string scaling, string size)
    {
        int[] dims = size.Replace("->", "x", StringComparison.Ordinal).Split('x').Select(int.Parse).ToArray();
        ManifestInput input = PreprocessingCases.Input(layout, type, order, PreprocessingCases.Scaling(scaling), fit, fill: 77);
        byte[] frame = PreprocessingCases.RandomFrame(dims[0], dims[1], seed: dims[0] + (31 * (int)fit));

        ReferenceCheck.Run(frame, dims[0], dims[1], dims[2], dims[3], input);
    }

    [Theory]
    [InlineData(SpatialFit.Letterbox, TensorLayout.Nchw, InputElementType.Float32, "meanStd")]
    [InlineData(SpatialFit.Stretch, TensorLayout.Nhwc, InputElementType.Uint8, "none")]
    [InlineData(SpatialFit.CentreCrop, TensorLayout.Nchw, InputElementType.Float16, "divide255")]
    public void Write_CameraFrameToYoloInput_MatchesReference(SpatialFit fit, TensorLayout layout, InputElementType type, string scaling)
    {
        // The benchmark's shapes: 1600x900 camera into 640x384, at full size (long vector runs, 360 content rows).
        ManifestInput input = PreprocessingCases.Input(layout, type, ColourOrder.Bgr, PreprocessingCases.Scaling(scaling), fit);
        byte[] frame = PreprocessingCases.RandomFrame(1600, 900, seed: 9);

        double maxError = ReferenceCheck.Run(frame, 1600, 900, 640, 384, input);
        output.WriteLine($"{ReferenceCheck.Describe(input)}: max |error| {maxError:G3}");

        Assert.True(maxError <= (type == InputElementType.Uint8 ? 1 : 0.01), $"max error {maxError}");
    }

    [Theory]
    [InlineData(SpatialFit.Letterbox, 640, 360, 640, 384)]
    [InlineData(SpatialFit.CentreCrop, 640, 400, 640, 384)]
    [InlineData(SpatialFit.Letterbox, 300, 384, 640, 384)]
    public void Write_FrameAtScaleOneInsideOrAroundInput_MatchesReference(SpatialFit fit, int frameW, int frameH, int inputW, int inputH)
    {
        // Scale 1 on both axes with bars (letterbox) or cuts (crop): the copy path with offsets.
        ManifestInput input = PreprocessingCases.Input(TensorLayout.Nchw, InputElementType.Float32, ColourOrder.Bgr, PreprocessingCases.Scaling("affine"), fit);
        byte[] frame = PreprocessingCases.RandomFrame(frameW, frameH, seed: 4);

        ReferenceCheck.Run(frame, frameW, frameH, inputW, inputH, input);
    }
}

using Octopilot.Inference.Manifest;
using Octopilot.Inference.Preprocessing;

namespace Octopilot.Inference.Tests.Preprocessing;

/// <summary>
/// The geometry decoders rely on: frame corners land where each fit puts them (continuous pixel coordinates, edges at 0
/// and W), and frame ↔ input mapping round-trips.
/// </summary>
public sealed class FrameFitTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void For_StretchDownscale_CornersMapToInputCorners()
    {
        FrameFit fit = FrameFit.For(SpatialFit.Stretch, 1600, 900, 640, 384);

        AssertPoint((0, 0), fit.ToInput(0, 0));
        AssertPoint((640, 384), fit.ToInput(1600, 900));
        Assert.Equal(0.4, fit.ScaleX, Tolerance);
        Assert.Equal(384 / 900.0, fit.ScaleY, Tolerance);
    }

    [Fact]
    public void For_LetterboxWideFrame_BarsTopAndBottom()
    {
        // 1600x900 -> 640x384: r = 0.4, image 640x360, 12 rows of bar above and below.
        FrameFit fit = FrameFit.For(SpatialFit.Letterbox, 1600, 900, 640, 384);

        AssertPoint((0, 12), fit.ToInput(0, 0));
        AssertPoint((640, 372), fit.ToInput(1600, 900));
        AssertPoint((0, 0), fit.ToFrame(0, 12));
        Assert.Equal((640, 360), (fit.ScaledWidthPx, fit.ScaledHeightPx));
    }

    [Fact]
    public void For_LetterboxTallFrame_BarsLeftAndRight()
    {
        // 900x1600 -> 640x384: r = 0.24, image 216x384 at x 212.
        FrameFit fit = FrameFit.For(SpatialFit.Letterbox, 900, 1600, 640, 384);

        AssertPoint((212, 0), fit.ToInput(0, 0));
        AssertPoint((428, 384), fit.ToInput(900, 1600));
    }

    [Fact]
    public void For_LetterboxOddLeftover_ExtraBarRowGoesToTheBottomAsYoloV5()
    {
        // YOLOv5 letterbox of 1001x333 into 640x640: r = 0.63936, image 640x213, dh = 213.5 -> top 213, bottom 214.
        FrameFit fit = FrameFit.For(SpatialFit.Letterbox, 1001, 333, 640, 640);

        Assert.Equal(213, fit.ScaledHeightPx);
        AssertPoint((0, 213), fit.ToInput(0, 0));
        AssertPoint((640, 426), fit.ToInput(1001, 333));
    }

    [Fact]
    public void For_CentreCropWideFrame_CutsBothSides()
    {
        // 1600x900 -> 384x384: r = 384/900, scaled 683x384, 149 columns cut on the left (150 on the right).
        FrameFit fit = FrameFit.For(SpatialFit.CentreCrop, 1600, 900, 384, 384);

        AssertPoint((-149, 0), fit.ToInput(0, 0));
        AssertPoint((534, 384), fit.ToInput(1600, 900));
        Assert.Equal(683, fit.ScaledWidthPx);
    }

    [Theory]
    [InlineData(SpatialFit.Stretch)]
    [InlineData(SpatialFit.Letterbox)]
    [InlineData(SpatialFit.CentreCrop)]
    public void For_EveryFit_FrameCentreLandsWithinHalfAPixelOfInputCentre(SpatialFit spatialFit)
    {
        FrameFit fit = FrameFit.For(spatialFit, 1600, 900, 640, 384);

        (double x, double y) = fit.ToInput(800, 450);

        Assert.InRange(x, 319.5, 320.5);
        Assert.InRange(y, 191.5, 192.5);
    }

    [Theory]
    [InlineData(SpatialFit.Stretch, 1600, 900, 640, 384)]
    [InlineData(SpatialFit.Letterbox, 1600, 900, 640, 384)]
    [InlineData(SpatialFit.Letterbox, 13, 9, 24, 30)]
    [InlineData(SpatialFit.CentreCrop, 1600, 900, 384, 384)]
    [InlineData(SpatialFit.CentreCrop, 20, 30, 32, 16)]
    public void ToFrameToInput_RandomPoints_RoundTrip(SpatialFit spatialFit, int frameW, int frameH, int inputW, int inputH)
    {
        FrameFit fit = FrameFit.For(spatialFit, frameW, frameH, inputW, inputH);
        var random = new Random(11);
        for (int i = 0; i < 1000; i++)
        {
            double fx = random.NextDouble() * frameW, fy = random.NextDouble() * frameH;
            double ix = random.NextDouble() * inputW, iy = random.NextDouble() * inputH;

            (double ix2, double iy2) = fit.ToInput(fx, fy);
            AssertPoint((fx, fy), fit.ToFrame(ix2, iy2));
            (double fx2, double fy2) = fit.ToFrame(ix, iy);
            AssertPoint((ix, iy), fit.ToInput(fx2, fy2));
        }
    }

    [Fact]
    public void Fit_OfPreprocessor_IsForOfItsSizes()
    {
        var pre = new FramePreprocessor(PreprocessingCases.Input(fit: SpatialFit.Letterbox), 1600, 900, 640, 384, batchSize: 1);

        Assert.Equal(FrameFit.For(SpatialFit.Letterbox, 1600, 900, 640, 384), pre.Fit);
    }

    private static void AssertPoint((double X, double Y) expected, (double X, double Y) actual)
    {
        Assert.Equal(expected.X, actual.X, Tolerance);
        Assert.Equal(expected.Y, actual.Y, Tolerance);
    }
}

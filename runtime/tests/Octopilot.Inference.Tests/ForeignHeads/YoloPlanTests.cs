using Octopilot.Inference.ForeignHeads;

namespace Octopilot.Inference.Tests.ForeignHeads;

/// <summary>The YOLO plan: expected row counts and every refusal, each naming its rule.</summary>
public sealed class YoloPlanTests
{
    [Theory]
    [InlineData(640, 640, 25200)] // the familiar yolov5s [1, 25200, 85]
    [InlineData(640, 384, 15120)]
    [InlineData(YoloTestRig.InputW, YoloTestRig.InputH, YoloTestRig.Rows)]
    public void ExpectedRows_StandardHeads_SumCellsTimesAnchorsPerStride(int inputW, int inputH, long expected)
    {
        int[] anchors = inputW == YoloTestRig.InputW ? [3, 2, 1] : [3, 3, 3];
        Assert.Equal(expected, YoloDecoder.ExpectedRows([8, 16, 32], anchors, inputW, inputH));
    }

    [Fact]
    public void Constructor_StrideNotDividingInput_RefusedNamingStrideAndInput()
    {
        var geometry = new FrameInputGeometry(96, 48, 96, 48, InputFrameMapping.Identity);
        var e = Assert.Throws<ArgumentException>(() =>
            new YoloDecoder(YoloTestRig.Spec(false), [100, 9], ClassFilter.All(4), geometry));
        Assert.Contains("stride 32 with a 96x48 input", e.Message);
        Assert.Contains("divide the input width and height", e.Message);
    }

    [Fact]
    public void Constructor_AnchorCountNotGivingR_RefusedWithBothRowCounts()
    {
        (float W, float H)[][] threePerStride = [YoloTestRig.Anchors[0], [.. YoloTestRig.Anchors[1], (90, 90)], YoloTestRig.Anchors[2]];
        var e = Assert.Throws<ArgumentException>(() => new YoloDecoder(
            YoloTestRig.Spec(false, anchors: threePerStride), [YoloTestRig.Rows, 9], ClassFilter.All(4), YoloTestRig.Geometry));
        Assert.Contains("R = 342 rows", e.Message);
        Assert.Contains("anchors per stride [3, 3, 1]", e.Message);
        Assert.Contains("give 366", e.Message);
        Assert.Contains("Σ_s (H/s)(W/s)·anchors(s)", e.Message);
    }

    [Fact]
    public void Constructor_ColumnsNotFivePlusClasses_Refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new YoloDecoder(
            YoloTestRig.Spec(false), [YoloTestRig.Rows, 85], ClassFilter.All(4), YoloTestRig.Geometry));
        Assert.Contains("has 85 columns with 4 classes", e.Message);
        Assert.Contains("5 + classes = 9", e.Message);
    }

    [Fact]
    public void Constructor_AnchorListPerStrideMissing_Refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new YoloDecoder(
            YoloTestRig.Spec(false, anchors: YoloTestRig.Anchors[..2]), [YoloTestRig.Rows, 9], ClassFilter.All(4), YoloTestRig.Geometry));
        Assert.Contains("3 strides and 2 anchor lists", e.Message);
    }

    [Fact]
    public void Constructor_NonPositiveAnchor_Refused()
    {
        (float W, float H)[][] anchors = [YoloTestRig.Anchors[0], YoloTestRig.Anchors[1], [(0, 90)]];
        var e = Assert.Throws<ArgumentException>(() => new YoloDecoder(
            YoloTestRig.Spec(false, anchors: anchors), [YoloTestRig.Rows, 9], ClassFilter.All(4), YoloTestRig.Geometry));
        Assert.Contains("anchor (0, 90) at stride 32", e.Message);
    }

    [Fact]
    public void ExpectedRows_StrideWithoutAnchors_Refused()
    {
        var e = Assert.Throws<ArgumentException>(() => YoloDecoder.ExpectedRows([8, 16], [3, 0], 64, 64));
        Assert.Contains("0 anchors at stride 16", e.Message);
    }
}

using Octopilot.Host.Evaluation;
using Octopilot.Inference.Manifest;

namespace Octopilot.Host.Tests.Evaluation;

public sealed class SegmentationTruthsTests
{
    [Theory]
    [InlineData(SegmentationTarget.Lanes, "lanes", "LaneMarking")]
    [InlineData(SegmentationTarget.Drivable, "drivable", "Drivable")]
    [InlineData(SegmentationTarget.Other, "solid_lines", "SolidLaneMarking")]
    [InlineData(SegmentationTarget.Other, "solidLines", "SolidLaneMarking")]
    public void For_KnownTarget_GivesItsTruth(SegmentationTarget target, string name, string expected) =>
        Assert.Equal(Enum.Parse<SegmentationTruth>(expected), SegmentationTruths.For(Head(target, name)));

    [Fact]
    public void For_OtherTarget_HasNoTruth() =>
        Assert.Null(SegmentationTruths.For(Head(SegmentationTarget.Other, "sidewalk")));

    [Fact]
    public void Mask_SolidLaneMarking_IsTheSolidCells()
    {
        CellTruth truth = CellTruth.From([3, 5], new float[2], 2, 1, 2, 1, [.. Enumerable.Range(0, 256).Select(v => v < 6 ? (Octopilot.Core.Labels.LabelClass?)v : null)]);

        Assert.Equal([false, true], SegmentationTruths.Mask(truth, SegmentationTruth.SolidLaneMarking));
        Assert.Equal([true, true], SegmentationTruths.Mask(truth, SegmentationTruth.LaneMarking));
    }

    private static SegmentationHeadSpec Head(SegmentationTarget target, string name) =>
        new("out", target, name, SegmentationActivation.Probabilities, 0, TensorLayout.Nchw);
}

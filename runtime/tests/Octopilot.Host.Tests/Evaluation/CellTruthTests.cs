using Octopilot.Core.Labels;
using Octopilot.Host.Evaluation;

namespace Octopilot.Host.Tests.Evaluation;

public sealed class CellTruthTests
{
    private const byte Sky = 0, OffRoad = 1, Road = 2, Dashed = 3, Solid = 5;

    private static readonly LabelClass?[] LabelOf = Table();

    [Fact]
    public void From_OneLanePixelInACell_CellIsMarking()
    {
        // 4x2 image, 2x1 cells of 2x2 pixels: the left cell has one dashed pixel, the right one solid pixel.
        byte[] labels = [Road, Road, Road, Solid, Dashed, Road, Road, Road];

        CellTruth truth = CellTruth.From(labels, new float[8], 4, 2, 2, 1, LabelOf);

        Assert.Equal([true, true], truth.LaneMarking);
        Assert.Equal([false, true], truth.SolidLaneMarking);
    }

    [Fact]
    public void From_HalfDrivable_IsDrivable_LessIsNot()
    {
        // Left cell: road, dashed paint, off-road, sky → 2 of 4 drivable (half: drivable). Right: 1 of 4 → not.
        byte[] labels = [Road, OffRoad, Solid, Sky, Dashed, Sky, OffRoad, OffRoad];

        CellTruth truth = CellTruth.From(labels, new float[8], 4, 2, 2, 1, LabelOf);

        Assert.Equal([true, false], truth.Drivable);
    }

    [Fact]
    public void From_Depth_IsMeanOfPixelsWithDepth()
    {
        float[] depthM = [10, 0, 0, 0, 20, 0, 0, 0];

        CellTruth truth = CellTruth.From(new byte[8], depthM, 4, 2, 2, 1, LabelOf);

        Assert.Equal([15f, 0f], truth.DepthM);
    }

    [Fact]
    public void From_GridNotDividingTheImage_CellsCoverEveryPixelOnce()
    {
        // 5 columns over 2 cells: columns 0-1 and 2-4. A mark in column 2 belongs to the right cell only.
        byte[] labels = [Road, Road, Dashed, Road, Road];

        CellTruth truth = CellTruth.From(labels, new float[5], 5, 1, 2, 1, LabelOf);

        Assert.Equal([false, true], truth.LaneMarking);
    }

    [Fact]
    public void From_LabelValueWithoutName_IsNeitherLaneNorDrivable()
    {
        var unnamed = new LabelClass?[256];

        CellTruth truth = CellTruth.From([Dashed], new float[1], 1, 1, 1, 1, unnamed);

        Assert.False(truth.LaneMarking[0]);
        Assert.False(truth.Drivable[0]);
    }

    private static LabelClass?[] Table()
    {
        var table = new LabelClass?[256];
        foreach (LabelClass c in Enum.GetValues<LabelClass>())
        {
            table[(byte)c] = c;
        }

        return table;
    }
}

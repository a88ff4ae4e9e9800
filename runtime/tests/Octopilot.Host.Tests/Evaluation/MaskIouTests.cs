using Octopilot.Host.Evaluation;

namespace Octopilot.Host.Tests.Evaluation;

public sealed class MaskIouTests
{
    [Fact]
    public void Add_PerfectPrediction_IouIsOne()
    {
        var iou = new MaskIou();

        iou.Add([0.9f, 0.1f, 0.5f, 0f], [true, false, true, false]);

        Assert.Equal(1.0, iou.Iou);
        Assert.Equal(2, iou.TrueCells);
    }

    [Fact]
    public void Add_PartialOverlap_IouIsIntersectionOverUnion()
    {
        var iou = new MaskIou();

        // predicted cells 0, 1, 2 (2 is exactly 0.5: predicted); true cells 2, 3 → intersection {2}, union {0,1,2,3}.
        iou.Add([1f, 0.7f, 0.5f, 0.49f, 0f], [false, false, true, true, false]);

        Assert.Equal(0.25, iou.Iou);
        Assert.Equal(1, iou.Intersection);
        Assert.Equal(4, iou.Union);
        Assert.Equal(3, iou.PredictedCells);
    }

    [Fact]
    public void Add_TwoImages_PoolsCellsNotImages()
    {
        var iou = new MaskIou();

        iou.Add([1f, 1f, 1f], [true, true, true]); // 3 / 3
        iou.Add([1f], [false]); // 0 / 1

        Assert.Equal(0.75, iou.Iou);
    }

    [Fact]
    public void Iou_NothingPredictedOrTrue_IsNull()
    {
        var iou = new MaskIou();

        iou.Add([0f, 0.2f], [false, false]);

        Assert.Null(iou.Iou);
    }

    [Fact]
    public void Add_DifferentGrids_Throws() =>
        Assert.Throws<ArgumentException>(() => new MaskIou().Add([1f], [true, false]));
}

using Octopilot.Fusion.Bev;
using Octopilot.Host.Snapshots;

namespace Octopilot.Host.Tests.Snapshots;

public class BevPictureLayoutTests
{
    [Fact]
    public void Constructor_DefaultGrid_TwoPixelsPerCell320By1200Map()
    {
        var layout = new BevPictureLayout(new BevGridOptions()).WithCaptionRows(3);

        Assert.Equal(2, layout.PixelsPerCell);
        Assert.Equal(320, layout.WidthPx);
        Assert.Equal(new PixelRect(0, layout.CaptionHeightPx, 320, 1200), layout.Map);
        Assert.Equal(layout.CaptionHeightPx + 1200, layout.HeightPx);
        Assert.True(layout.CaptionHeightPx > 3 * 7 * layout.TextScale);
    }

    [Fact]
    public void PixelOf_EgoOrigin_CentreColumn100MetresBelowTheMapTop()
    {
        var layout = new BevPictureLayout(new BevGridOptions()).WithCaptionRows(2);

        // y = 0 is 20 m from the left edge, x = 0 is 100 m below the front edge: 8 px per metre.
        Assert.Equal((160, layout.Map.Y + 800), layout.PixelOf(0, 0));
    }

    [Fact]
    public void PixelOf_ForwardIsUpLeftIsLeft()
    {
        var layout = new BevPictureLayout(new BevGridOptions());
        (int x0, int y0) = layout.PixelOf(10, 0);

        Assert.Equal((x0, y0 - 80), layout.PixelOf(20, 0));
        Assert.Equal((x0 - 40, y0), layout.PixelOf(10, 5));
    }

    [Fact]
    public void CellOrigin_FrontLeftCell_TopLeftOfTheMap()
    {
        var grid = new BevGridOptions();
        var layout = new BevPictureLayout(grid).WithCaptionRows(1);

        Assert.Equal((0, layout.Map.Y), layout.CellOrigin(grid.CellsX - 1, grid.CellsY - 1));
        Assert.Equal((318, layout.Map.Bottom - 2), layout.CellOrigin(0, 0));
    }

    [Fact]
    public void Constructor_HugeGrid_ShrinksToAtMost2400PixelsPerSide()
    {
        var grid = new BevGridOptions { XMinM = -200, XMaxM = 400, CellSizeM = 0.25 };

        var layout = new BevPictureLayout(grid);

        Assert.Equal(1, layout.PixelsPerCell);
        Assert.Equal(2400, layout.Map.HeightPx);
    }

    [Fact]
    public void Constructor_OneMetreCells_EightPixelsPerCell()
    {
        var layout = new BevPictureLayout(new BevGridOptions { CellSizeM = 1.0 });

        Assert.Equal(8, layout.PixelsPerCell);
        Assert.Equal(320, layout.WidthPx);
    }
}

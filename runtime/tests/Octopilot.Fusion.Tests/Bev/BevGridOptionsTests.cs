using Octopilot.Fusion.Bev;

namespace Octopilot.Fusion.Tests.Bev;

public class BevGridOptionsTests
{
    [Fact]
    public void Defaults_Are150By40MetresAtQuarterMetre()
    {
        var grid = new BevGridOptions();
        grid.Validate();
        Assert.Equal(600, grid.CellsX);
        Assert.Equal(160, grid.CellsY);
        Assert.Equal(96_000, grid.CellCount);
        Assert.Equal(-49.875, grid.CellCentreXM(0), 9);
        Assert.Equal(19.875, grid.CellCentreYM(159), 9);
    }

    [Theory]
    [InlineData(0.1, 0.1, 200 * 160 + 80)]
    [InlineData(-50.0, -20.0, 0)]
    [InlineData(99.99, 19.99, 96_000 - 1)]
    public void TryGetCell_PointInside_GivesXMajorIndex(double xM, double yM, int expectedCell)
    {
        Assert.True(new BevGridOptions().TryGetCell(xM, yM, out int cell));
        Assert.Equal(expectedCell, cell);
    }

    [Theory]
    [InlineData(100.0, 0.0)]
    [InlineData(-50.01, 0.0)]
    [InlineData(0.0, 20.0)]
    [InlineData(0.0, -20.5)]
    public void TryGetCell_PointOutside_ReturnsFalse(double xM, double yM) =>
        Assert.False(new BevGridOptions().TryGetCell(xM, yM, out _));

    [Fact]
    public void Validate_ExtentNotWholeCells_ThrowsNamingTheRule()
    {
        var grid = new BevGridOptions { XMaxM = 100.1 };
        ArgumentException error = Assert.Throws<ArgumentException>(grid.Validate);
        Assert.Contains("whole number of cells", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvertedExtent_Throws() =>
        Assert.Throws<ArgumentException>(new BevGridOptions { YMinM = 20, YMaxM = -20 }.Validate);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.25)]
    [InlineData(double.NaN)]
    [InlineData(20.0)]
    public void Validate_BadCellSize_Throws(double cellSizeM) =>
        Assert.Throws<ArgumentException>(new BevGridOptions { CellSizeM = cellSizeM }.Validate);

    [Fact]
    public void Validate_TooManyCells_Throws() =>
        Assert.Throws<ArgumentException>(new BevGridOptions { XMinM = -1000, XMaxM = 1000, YMinM = -1000, YMaxM = 1000, CellSizeM = 0.1 }.Validate);
}

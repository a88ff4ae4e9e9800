using Octopilot.Host.Snapshots;

namespace Octopilot.Host.Tests.Snapshots;

public class MosaicLayoutTests
{
    [Fact]
    public void Constructor_EightTiles_FourColumnsTwoRows()
    {
        var layout = new MosaicLayout(8, 320, 240);

        Assert.Equal(4, layout.Columns);
        Assert.Equal(2, layout.Rows);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 2, 1)]
    [InlineData(3, 3, 1)]
    [InlineData(4, 4, 1)]
    [InlineData(5, 3, 2)]
    [InlineData(6, 3, 2)]
    [InlineData(7, 4, 2)]
    [InlineData(12, 6, 2)]
    [InlineData(16, 6, 3)]
    public void Constructor_AnyCount_GridHoldsAllTilesWithoutAnEmptyRow(int count, int columns, int rows)
    {
        var layout = new MosaicLayout(count, 64, 48);

        Assert.Equal((columns, rows), (layout.Columns, layout.Rows));
        Assert.True(layout.Columns * layout.Rows >= count);
        Assert.True(layout.Columns * (layout.Rows - 1) < count, "last row is empty");
    }

    [Fact]
    public void TileRect_EightTiles_RowMajorWithGapsAndCaptionAbove()
    {
        var layout = new MosaicLayout(8, 100, 50);
        int gap = MosaicLayout.GapPx, caption = layout.CaptionHeightPx;

        Assert.Equal(new PixelRect(gap, gap, 100, caption), layout.CaptionRect(0));
        Assert.Equal(new PixelRect(gap, gap + caption, 100, 50), layout.TileRect(0));
        Assert.Equal(new PixelRect(gap + (3 * (100 + gap)), gap + caption, 100, 50), layout.TileRect(3));
        Assert.Equal(new PixelRect(gap, gap + caption + 50 + gap + caption, 100, 50), layout.TileRect(4));
        Assert.Equal(gap + (4 * (100 + gap)), layout.WidthPx);
        Assert.Equal(gap + (2 * (caption + 50 + gap)), layout.HeightPx);
    }

    [Fact]
    public void TileRect_AllTiles_InsideImageAndNotOverlapping()
    {
        var layout = new MosaicLayout(7, 33, 21);
        var rects = Enumerable.Range(0, 7).SelectMany(i => new[] { layout.TileRect(i), layout.CaptionRect(i) }).ToList();

        foreach (PixelRect r in rects)
        {
            Assert.True(r.X >= 0 && r.Y >= 0 && r.Right <= layout.WidthPx && r.Bottom <= layout.HeightPx, $"{r} leaves the image");
            Assert.All(rects.Where(o => o != r), o => Assert.False(Overlap(r, o), $"{r} overlaps {o}"));
        }
    }

    [Theory]
    [InlineData(48, 1)]
    [InlineData(240, 2)]
    [InlineData(480, 4)]
    [InlineData(960, 6)]
    public void CaptionScale_GrowsWithTileHeightUpToCap(int tileHeightPx, int expectedScale)
    {
        var layout = new MosaicLayout(8, tileHeightPx * 4 / 3, tileHeightPx);

        Assert.Equal(expectedScale, layout.CaptionScale);
        Assert.Equal(11 * expectedScale, layout.CaptionHeightPx);
    }

    [Theory]
    [InlineData(0, 64, 48)]
    [InlineData(65, 64, 48)]
    [InlineData(8, 0, 48)]
    [InlineData(8, 64, -1)]
    public void Constructor_InvalidSize_Throws(int count, int widthPx, int heightPx)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MosaicLayout(count, widthPx, heightPx));
    }

    [Fact]
    public void TileRect_IndexOutOfRange_Throws()
    {
        var layout = new MosaicLayout(8, 64, 48);

        Assert.Throws<ArgumentOutOfRangeException>(() => layout.TileRect(8));
        Assert.Throws<ArgumentOutOfRangeException>(() => layout.CaptionRect(-1));
    }

    private static bool Overlap(PixelRect a, PixelRect b) =>
        a.X < b.Right && b.X < a.Right && a.Y < b.Bottom && b.Y < a.Bottom;
}

using Octopilot.Host.Snapshots;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Core.Frames;

namespace Octopilot.Host.Tests.Snapshots;

public class LabelColorizerBoxOutlineTests
{
    private const int WidthPx = 20;
    private const int HeightPx = 15;
    private static readonly Rgb24Color Red = new(255, 0, 0);

    [Fact]
    public void DrawBoxOutline_InsideTile_ColoursExactlyThePerimeter()
    {
        var tile = new byte[WidthPx * HeightPx * 3];

        LabelColorizer.DrawBoxOutline(tile, WidthPx, HeightPx, 3, 4, 10, 8, Red);

        for (int y = 0; y < HeightPx; y++)
        {
            for (int x = 0; x < WidthPx; x++)
            {
                bool inBox = x >= 3 && x <= 10 && y >= 4 && y <= 8;
                bool onEdge = inBox && (x == 3 || x == 10 || y == 4 || y == 8);
                Assert.True(IsRed(tile, x, y) == onEdge, $"pixel ({x}, {y}): expected {(onEdge ? "outline" : "untouched")}");
            }
        }
    }

    [Fact]
    public void DrawBoxOutline_CornersInEitherOrder_SameOutline()
    {
        var a = new byte[WidthPx * HeightPx * 3];
        var b = new byte[WidthPx * HeightPx * 3];

        LabelColorizer.DrawBoxOutline(a, WidthPx, HeightPx, 3, 4, 10, 8, Red);
        LabelColorizer.DrawBoxOutline(b, WidthPx, HeightPx, 10, 8, 3, 4, Red);

        Assert.Equal(a, b);
    }

    [Fact]
    public void DrawBoxOutline_PartlyOutside_DrawsOnlyTheVisibleEdges()
    {
        var tile = new byte[WidthPx * HeightPx * 3];

        LabelColorizer.DrawBoxOutline(tile, WidthPx, HeightPx, -5, 2, 7, 100, Red);

        Assert.True(IsRed(tile, 0, 2) && IsRed(tile, 7, 2), "top edge");
        Assert.True(IsRed(tile, 7, HeightPx - 1), "right edge down to the tile bottom");
        Assert.False(IsRed(tile, 0, 3), "left edge is outside the tile");
        Assert.False(IsRed(tile, 3, HeightPx - 1), "bottom edge is outside the tile");
    }

    [Fact]
    public void DrawBoxOutline_EntirelyOutsideOrHuge_DrawsNothingOutsideAndReturns()
    {
        var tile = new byte[WidthPx * HeightPx * 3];

        LabelColorizer.DrawBoxOutline(tile, WidthPx, HeightPx, 50, 50, 60, 60, Red);
        LabelColorizer.DrawBoxOutline(tile, WidthPx, HeightPx, int.MinValue, int.MinValue, int.MaxValue, int.MaxValue, Red);

        Assert.All(tile, value => Assert.Equal(0, value));
    }

    [Fact]
    public void DrawBoxOutline_OnePixelBox_ColoursThatPixel()
    {
        var tile = new byte[WidthPx * HeightPx * 3];

        LabelColorizer.DrawBoxOutline(tile, WidthPx, HeightPx, 5, 6, 5, 6, Red);

        Assert.True(IsRed(tile, 5, 6));
        Assert.Equal(1, tile.Count(v => v != 0)); // one pixel, and red has one non-zero byte
    }

    [Fact]
    public void DrawBoxOutline_TileSizeMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => LabelColorizer.DrawBoxOutline(new byte[10], WidthPx, HeightPx, 0, 0, 1, 1, Red));
    }

    private static bool IsRed(byte[] tile, int x, int y) => Tiles.Pixel(tile, WidthPx, x, y) == (255, 0, 0);
}

using Octopilot.Host.Snapshots;
using Octopilot.Host.Tests.Infrastructure;

namespace Octopilot.Host.Tests.Snapshots;

public class MosaicPngWriterTilePlacementTests
{
    [Fact]
    public void SetTile_EveryTile_LandsAtItsLayoutRectPixelForPixel()
    {
        var layout = new MosaicLayout(8, 40, 30);
        var writer = new MosaicPngWriter(layout, RigNames.Default8);
        for (int i = 0; i < 8; i++)
        {
            writer.SetTile(i, Tiles.Coded(i, 40, 30));
        }

        using var stream = new MemoryStream();
        writer.WritePng(stream);
        PngImage image = PngImage.Decode(stream.ToArray());

        for (int i = 0; i < 8; i++)
        {
            PixelRect r = layout.TileRect(i);
            for (int y = 0; y < 30; y++)
            {
                for (int x = 0; x < 40; x++)
                {
                    Assert.Equal(((byte)((i * 20) + 10), (byte)x, (byte)y), image.Pixel(r.X + x, r.Y + y));
                }
            }
        }
    }

    [Fact]
    public void SetTile_GapPixels_StayBackground()
    {
        var layout = new MosaicLayout(8, 40, 30);
        var writer = new MosaicPngWriter(layout, RigNames.Default8);
        for (int i = 0; i < 8; i++)
        {
            writer.SetTile(i, Tiles.Coded(i, 40, 30));
        }

        var background = (MosaicPngWriter.BackgroundColor.R, MosaicPngWriter.BackgroundColor.G, MosaicPngWriter.BackgroundColor.B);
        PixelRect first = layout.TileRect(0);
        Assert.Equal(background, Tiles.Pixel(writer.Rgb24, layout.WidthPx, 0, 0));
        Assert.Equal(background, Tiles.Pixel(writer.Rgb24, layout.WidthPx, first.Right, first.Y));
        Assert.Equal(background, Tiles.Pixel(writer.Rgb24, layout.WidthPx, first.X, first.Bottom));
        Assert.Equal(background, Tiles.Pixel(writer.Rgb24, layout.WidthPx, layout.WidthPx - 1, layout.HeightPx - 1));
    }

    [Fact]
    public void SetTile_WrongLength_ThrowsNamingTheCamera()
    {
        var writer = new MosaicPngWriter(new MosaicLayout(8, 40, 30), RigNames.Default8);

        var e = Assert.Throws<ArgumentException>(() => writer.SetTile(2, new byte[(40 * 30 * 3) - 1]));

        Assert.Contains("wide_forward", e.Message, StringComparison.Ordinal);
        Assert.Contains("3600 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CaptionCountNotTileCount_Throws()
    {
        Assert.Throws<ArgumentException>(() => new MosaicPngWriter(new MosaicLayout(8, 40, 30), ["only", "two"]));
    }
}

using Octopilot.Host.Snapshots;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Core.Frames;

namespace Octopilot.Host.Tests.Snapshots;

public class MosaicPngWriterMissingTileTests
{
    private static readonly (byte, byte, byte) Grey =
        (MosaicPngWriter.MissingTileColor.R, MosaicPngWriter.MissingTileColor.G, MosaicPngWriter.MissingTileColor.B);

    [Fact]
    public void WritePng_TileNeverSet_IsGreyInThePng()
    {
        var layout = new MosaicLayout(8, 40, 30);
        var writer = new MosaicPngWriter(layout, RigNames.Default8);
        for (int i = 0; i < 8; i++)
        {
            if (i != 5)
            {
                writer.SetTile(i, Tiles.Coded(i, 40, 30));
            }
        }

        using var stream = new MemoryStream();
        writer.WritePng(stream);
        PngImage image = PngImage.Decode(stream.ToArray());

        PixelRect missing = layout.TileRect(5);
        for (int y = missing.Y; y < missing.Bottom; y++)
        {
            for (int x = missing.X; x < missing.Right; x++)
            {
                Assert.Equal(Grey, image.Pixel(x, y));
            }
        }

        Assert.NotEqual(Grey, image.Pixel(layout.TileRect(4).X, layout.TileRect(4).Y));
    }

    [Fact]
    public void MissingTileColor_IsMidGreyUnlikeBackgroundAndCaption()
    {
        Rgb24Color grey = MosaicPngWriter.MissingTileColor;

        Assert.True(grey.R == grey.G && grey.G == grey.B, $"{grey} is not a neutral grey");
        Assert.InRange(grey.R, 64, 192);
        Assert.NotEqual(MosaicPngWriter.BackgroundColor, grey);
        Assert.NotEqual(MosaicPngWriter.CaptionBackgroundColor, grey);
    }

    [Fact]
    public void SetMissing_AfterTile_TurnsTileGreyAgain()
    {
        var layout = new MosaicLayout(2, 40, 30);
        var writer = new MosaicPngWriter(layout, ["a", "b"]);
        writer.SetTile(0, Tiles.Coded(0, 40, 30));

        writer.SetMissing(0);

        PixelRect tile = layout.TileRect(0);
        Assert.Equal(Grey, Tiles.Pixel(writer.Rgb24, layout.WidthPx, tile.X + 7, tile.Y + 9));
    }

    [Fact]
    public void SetMissing_Caption_SaysMissingFirstThenName()
    {
        // Captions are compared as pixels: the missing tile's strip must equal a strip drawn for "MISSING REAR".
        var layout = new MosaicLayout(2, 300, 120);
        var writer = new MosaicPngWriter(layout, ["rear", "MISSING rear"]);
        writer.SetTile(1, new byte[layout.TileRgb24Bytes]);

        Assert.Equal(Tiles.Region(writer.Rgb24, writer.Layout.WidthPx, layout.CaptionRect(1)), Tiles.Region(writer.Rgb24, writer.Layout.WidthPx, layout.CaptionRect(0)));
    }
}

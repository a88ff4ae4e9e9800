using Octopilot.Host.Snapshots;
using Octopilot.Host.Tests.Infrastructure;

namespace Octopilot.Host.Tests.Snapshots;

public class MosaicPngWriterCaptionTests
{
    [Fact]
    public void SetTile_EveryTile_CaptionStripHasTextPixels()
    {
        var layout = new MosaicLayout(8, 96, 72);
        var writer = new MosaicPngWriter(layout, RigNames.Default8);
        for (int i = 0; i < 8; i++)
        {
            writer.SetTile(i, Tiles.Coded(i, 96, 72));
        }

        for (int i = 0; i < 8; i++)
        {
            Assert.True(TextPixels(writer, layout.CaptionRect(i)) > 20, $"caption of tile {i} ({RigNames.Default8[i]}) is blank");
        }
    }

    [Fact]
    public void SetTile_DifferentNames_DifferentCaptionPixels()
    {
        var layout = new MosaicLayout(2, 96, 72);
        var writer = new MosaicPngWriter(layout, ["left_pillar", "right_pillar"]);

        Assert.NotEqual(Tiles.Region(writer.Rgb24, writer.Layout.WidthPx, layout.CaptionRect(0)), Tiles.Region(writer.Rgb24, writer.Layout.WidthPx, layout.CaptionRect(1)));
    }

    [Fact]
    public void SetTile_LowerAndUpperCaseNames_DrawTheSameCaption()
    {
        var layout = new MosaicLayout(2, 96, 72);
        var writer = new MosaicPngWriter(layout, ["rear", "REAR"]);

        Assert.Equal(Tiles.Region(writer.Rgb24, writer.Layout.WidthPx, layout.CaptionRect(0)), Tiles.Region(writer.Rgb24, writer.Layout.WidthPx, layout.CaptionRect(1)));
    }

    [Fact]
    public void SetTile_LargeTiles_CaptionTextScalesUp()
    {
        var small = new MosaicLayout(1, 160, 120);
        var large = new MosaicLayout(1, 640, 480);

        int smallPixels = TextPixels(new MosaicPngWriter(small, ["rear"]), small.CaptionRect(0));
        int largePixels = TextPixels(new MosaicPngWriter(large, ["rear"]), large.CaptionRect(0));

        // Scale 1 → 4: every font pixel becomes a 4x4 block.
        Assert.Equal(16 * smallPixels, largePixels);
    }

    [Fact]
    public void SetTile_NameLongerThanStrip_TextStaysInsideStrip()
    {
        var layout = new MosaicLayout(2, 30, 24);
        var writer = new MosaicPngWriter(layout, ["a_very_long_camera_name", "b"]);

        PixelRect first = layout.CaptionRect(0);
        PixelRect gapBetween = new(first.Right, first.Y, MosaicLayout.GapPx, first.HeightPx);
        Assert.Equal(0, TextPixels(writer, gapBetween));
        Assert.True(TextPixels(writer, first) > 0);
    }

    private static int TextPixels(MosaicPngWriter writer, PixelRect strip)
    {
        var text = (MosaicPngWriter.CaptionTextColor.R, MosaicPngWriter.CaptionTextColor.G, MosaicPngWriter.CaptionTextColor.B);
        int count = 0;
        for (int y = strip.Y; y < strip.Bottom; y++)
        {
            for (int x = strip.X; x < strip.Right; x++)
            {
                count += Tiles.Pixel(writer.Rgb24, writer.Layout.WidthPx, x, y) == text ? 1 : 0;
            }
        }

        return count;
    }
}

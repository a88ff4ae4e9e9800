using Octopilot.Fusion.Bev;
using Octopilot.Host.Snapshots;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.WorldModel;

namespace Octopilot.Host.Tests.Snapshots;

public sealed class BevPngWriterBuilderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Write_FreshBuilder_WritesItsGridWithEgoAndExtraCaptionRows()
    {
        var builder = new WorldModelBuilder(BevTestScene.Rig, BevTestScene.Table, ["vehicle"], new WorldModelOptions());
        string path = Path.Combine(_folder.Path, "builder.png");

        BevPngWriter.Write(path, builder, "fresh");

        PngImage image = PngImage.Decode(File.ReadAllBytes(path));
        BevCanvas captionOnly = BevPngWriter.Render(new BevLayers(BevTestScene.Grid), BevTestScene.Table, [], -1, [], "fresh");
        Assert.Equal(captionOnly.Layout.WidthPx, image.WidthPx);
        int extraRowsPx = image.HeightPx - captionOnly.Layout.HeightPx;
        Assert.True(extraRowsPx >= 2 * 9 * captionOnly.Layout.TextScale, $"coverage and summary rows missing: {extraRowsPx} px taller");
        (int x, int y) = captionOnly.Layout.PixelOf(0, 0);
        Assert.Equal((40, 110, 255), image.Pixel(x, y + extraRowsPx));
    }
}

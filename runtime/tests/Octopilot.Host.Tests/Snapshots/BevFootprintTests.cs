using Octopilot.Fusion.Bev;
using Octopilot.Host.Snapshots;

namespace Octopilot.Host.Tests.Snapshots;

public class BevFootprintTests
{
    [Fact]
    public void Render_CellBorderingAnotherCamera_OutlinedInItsCameraColour()
    {
        BevGridOptions grid = BevTestScene.Grid;
        BevCanvas canvas = BevPngWriter.Render(new BevLayers(grid), BevTestScene.Table, [], -1, [], "x");
        int edges = 0;
        for (int ix = 0; ix + 1 < grid.CellsX; ix++)
        {
            for (int iy = 0; iy < grid.CellsY; iy++)
            {
                int camera = BevTestScene.BestCamera((ix * grid.CellsY) + iy);
                int ahead = BevTestScene.BestCamera(((ix + 1) * grid.CellsY) + iy);
                if (camera < 0 || ahead < 0 || camera == ahead)
                {
                    continue;
                }

                // The border between two footprints: this cell's top row in its colour, the cell ahead's bottom row in its.
                (int x, int y) = canvas.Layout.CellOrigin(ix, iy);
                Assert.Equal(BevPalette.Camera(camera), Pixel(canvas, x, y));
                Assert.Equal(BevPalette.Camera(ahead), Pixel(canvas, x, y - 1));
                edges++;
            }
        }

        Assert.True(edges > 10, $"only {edges} forward borders between cameras in the default rig");
    }

    [Fact]
    public void Render_CellInsideOneFootprint_NoOutline()
    {
        (double xM, double yM) = BevTestScene.InteriorCellNear(10, 0);
        BevCanvas canvas = BevPngWriter.Render(new BevLayers(BevTestScene.Grid), BevTestScene.Table, [], -1, [], "x");

        (int x, int y) = canvas.Layout.PixelOf(xM, yM);
        Assert.Equal(BevPalette.Unknown, Pixel(canvas, x, y));
    }

    private static Octopilot.Core.Frames.Rgb24Color Pixel(BevCanvas canvas, int x, int y)
    {
        int offset = ((y * canvas.Layout.WidthPx) + x) * 3;
        return new(canvas.Rgb24[offset], canvas.Rgb24[offset + 1], canvas.Rgb24[offset + 2]);
    }
}

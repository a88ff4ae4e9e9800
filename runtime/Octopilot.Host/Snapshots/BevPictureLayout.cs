using Octopilot.Fusion.Bev;

namespace Octopilot.Host.Snapshots;

/// <summary>
/// Where things go in a BEV picture: a caption bar on top, then the grid with forward up and left to the left (the view
/// from above, nose up). Every cell is a <see cref="PixelsPerCell"/>-square block; ego point (x, y) lands at column
/// <c>MapLeft + (YMaxM − y)/m-per-px</c>, row <c>MapTop + (XMaxM − x)/m-per-px</c>. Immutable.
/// </summary>
internal sealed class BevPictureLayout
{
    /// <summary>Wanted resolution, px per metre: 2 px per 0.25 m cell, so a lane marking (0.15–0.3 m) is 1–2 px wide.</summary>
    public const double TargetPixelsPerM = 8.0;

    /// <summary>Longest side of the map part, px: a 2400 px tall picture still opens in any viewer at full size.</summary>
    public const int MaxMapSidePx = 2400;

    /// <summary>Blank font pixels around and between text rows in the caption bar.</summary>
    public const int CaptionPaddingFontPx = 2;

    /// <summary>A layout with no caption rows yet: size the caption with <see cref="CaptionColumns"/>, then <see cref="WithCaptionRows"/>.</summary>
    public BevPictureLayout(BevGridOptions grid)
        : this(grid, 0)
    {
    }

    private BevPictureLayout(BevGridOptions grid, int captionRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(captionRows);
        Grid = grid;
        int pixelsPerCell = Math.Max(1, (int)Math.Round(TargetPixelsPerM * grid.CellSizeM));
        while (pixelsPerCell > 1 && Math.Max(grid.CellsX, grid.CellsY) * pixelsPerCell > MaxMapSidePx)
        {
            pixelsPerCell--;
        }

        PixelsPerCell = pixelsPerCell;
        MetresPerPixel = grid.CellSizeM / pixelsPerCell;
        WidthPx = grid.CellsY * pixelsPerCell;
        TextScale = Math.Clamp(WidthPx / 160, 1, 4);
        CaptionRows = captionRows;
        CaptionHeightPx = CaptionRowY(captionRows);
        Map = new PixelRect(0, CaptionHeightPx, WidthPx, grid.CellsX * pixelsPerCell);
        HeightPx = Map.Bottom;
    }

    public BevGridOptions Grid { get; }

    /// <summary>The same picture with <paramref name="captionRows"/> text rows in the caption bar.</summary>
    public BevPictureLayout WithCaptionRows(int captionRows) => new(Grid, captionRows);

    public int PixelsPerCell { get; }

    public double MetresPerPixel { get; }

    public int WidthPx { get; }

    public int HeightPx { get; }

    /// <summary>Font pixel size, px: 2 for the default 320 px wide picture.</summary>
    public int TextScale { get; }

    /// <summary>Text rows in the caption bar (caption lines and legend rows).</summary>
    public int CaptionRows { get; }

    public int CaptionHeightPx { get; }

    public PixelRect Caption => new(0, 0, WidthPx, CaptionHeightPx);

    /// <summary>The grid part of the picture; everything drawn in ego coordinates is clipped to it.</summary>
    public PixelRect Map { get; }

    public int Rgb24Bytes => WidthPx * HeightPx * Rgb24Drawing.BytesPerPixel;

    /// <summary>Text characters that fit in one caption row.</summary>
    public int CaptionColumns => Math.Max(1, (WidthPx - (2 * CaptionPaddingFontPx * TextScale)) / (TinyFont.AdvancePx * TextScale));

    /// <summary>Top of caption text row <paramref name="row"/>, px (row = <see cref="CaptionRows"/> gives the bar height).</summary>
    public int CaptionRowY(int row) => (CaptionPaddingFontPx + (row * (TinyFont.GlyphHeightPx + CaptionPaddingFontPx))) * TextScale;

    /// <summary>Top-left pixel of cell (ix, iy).</summary>
    public (int X, int Y) CellOrigin(int ix, int iy) =>
        (Map.X + ((Grid.CellsY - 1 - iy) * PixelsPerCell), Map.Y + ((Grid.CellsX - 1 - ix) * PixelsPerCell));

    /// <summary>Picture column of lateral position <paramref name="yM"/> (fractional; the pixel is its floor).</summary>
    public double ColumnOf(double yM) => Map.X + ((Grid.YMaxM - yM) / MetresPerPixel);

    /// <summary>Picture row of longitudinal position <paramref name="xM"/> (fractional; the pixel is its floor).</summary>
    public double RowOf(double xM) => Map.Y + ((Grid.XMaxM - xM) / MetresPerPixel);

    /// <summary>The pixel holding ego point (x, y); may lie outside <see cref="Map"/>.</summary>
    public (int X, int Y) PixelOf(double xM, double yM) => ((int)Math.Floor(ColumnOf(yM)), (int)Math.Floor(RowOf(xM)));

    /// <summary>Ego x of the centre of picture row <paramref name="row"/>.</summary>
    public double XAtRow(int row) => Grid.XMaxM - ((row + 0.5 - Map.Y) * MetresPerPixel);

    /// <summary>Ego y of the centre of picture column <paramref name="column"/>.</summary>
    public double YAtColumn(int column) => Grid.YMaxM - ((column + 0.5 - Map.X) * MetresPerPixel);
}

namespace Octopilot.Host.Snapshots;

/// <summary>
/// Where each of N equally sized camera tiles goes in a snapshot mosaic. Tiles fill a grid row by row in
/// rig order; every tile has a caption strip directly above it; <see cref="GapPx"/> of background separates
/// cells and frames the picture. Immutable; all numbers in pixels.
/// </summary>
public sealed class MosaicLayout
{
    /// <summary>Background between cells and around the border.</summary>
    public const int GapPx = 4;

    /// <summary>Most tiles one mosaic holds (four times the eight-camera rig; beyond that the picture is unreadable).</summary>
    public const int MaxTiles = 64;

    /// <summary>Blank font pixels above and below the caption text.</summary>
    public const int CaptionPaddingFontPx = 2;

    /// <summary>Tile height per step of caption scale: 120 px tiles get 7 px text, 960 px tiles 42 px (capped).</summary>
    private const int TileHeightPerCaptionScalePx = 120;

    private const int MaxCaptionScale = 6;

    public MosaicLayout(int tileCount, int tileWidthPx, int tileHeightPx)
    {
        if (tileCount is < 1 or > MaxTiles)
        {
            throw new ArgumentOutOfRangeException(nameof(tileCount), tileCount, $"a mosaic holds 1..{MaxTiles} tiles");
        }

        if (tileWidthPx is < 1 or > 8192 || tileHeightPx is < 1 or > 8192)
        {
            throw new ArgumentOutOfRangeException(nameof(tileWidthPx), $"tile sides must be 1..8192 px, got {tileWidthPx}x{tileHeightPx}");
        }

        TileCount = tileCount;
        TileWidthPx = tileWidthPx;
        TileHeightPx = tileHeightPx;
        Rows = RowsFor(tileCount);
        Columns = (tileCount + Rows - 1) / Rows;
        CaptionScale = Math.Clamp(tileHeightPx / TileHeightPerCaptionScalePx, 1, MaxCaptionScale);
        CaptionHeightPx = (TinyFont.GlyphHeightPx + (2 * CaptionPaddingFontPx)) * CaptionScale;
        WidthPx = GapPx + (Columns * (TileWidthPx + GapPx));
        HeightPx = GapPx + (Rows * (CaptionHeightPx + TileHeightPx + GapPx));
        if ((long)WidthPx * HeightPx * Rgb24Drawing.BytesPerPixel > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(tileCount), $"a {WidthPx}x{HeightPx} px mosaic does not fit one buffer");
        }
    }

    public int TileCount { get; }

    public int TileWidthPx { get; }

    public int TileHeightPx { get; }

    public int Columns { get; }

    public int Rows { get; }

    /// <summary>Size of one caption font pixel, in image pixels, so captions stay readable on large tiles.</summary>
    public int CaptionScale { get; }

    public int CaptionHeightPx { get; }

    /// <summary>Width of the whole mosaic.</summary>
    public int WidthPx { get; }

    /// <summary>Height of the whole mosaic.</summary>
    public int HeightPx { get; }

    /// <summary>Bytes of the whole mosaic as packed RGB24.</summary>
    public int Rgb24Bytes => WidthPx * HeightPx * Rgb24Drawing.BytesPerPixel;

    /// <summary>Bytes one tile must supply as packed RGB24.</summary>
    public int TileRgb24Bytes => TileWidthPx * TileHeightPx * Rgb24Drawing.BytesPerPixel;

    /// <summary>
    /// Grid rows for <paramref name="tileCount"/> tiles: about twice as many columns as rows, so landscape camera
    /// tiles make a wide picture that fits a screen (8 → 4x2, 6 → 3x2, 4 → 4x1, 12 → 6x2).
    /// </summary>
    public static int RowsFor(int tileCount) =>
        Math.Max(1, (int)Math.Round(Math.Sqrt(tileCount / 2.0), MidpointRounding.AwayFromZero));

    /// <summary>The camera image of tile <paramref name="index"/>.</summary>
    public PixelRect TileRect(int index)
    {
        PixelRect caption = CaptionRect(index);
        return new PixelRect(caption.X, caption.Bottom, TileWidthPx, TileHeightPx);
    }

    /// <summary>The caption strip of tile <paramref name="index"/>, directly above its image and as wide.</summary>
    public PixelRect CaptionRect(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TileCount);
        int column = index % Columns;
        int row = index / Columns;
        return new PixelRect(
            GapPx + (column * (TileWidthPx + GapPx)),
            GapPx + (row * (CaptionHeightPx + TileHeightPx + GapPx)),
            TileWidthPx,
            CaptionHeightPx);
    }
}

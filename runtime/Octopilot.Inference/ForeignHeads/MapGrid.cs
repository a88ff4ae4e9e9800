namespace Octopilot.Inference.ForeignHeads;

/// <summary>
/// A grid of <see cref="Width"/> × <see cref="Height"/> cells laid over the camera frame; cell (i, j) (column i, row j)
/// has its centre at frame pixel ((i + 0.5)·<see cref="CellWidthPx"/>, (j + 0.5)·<see cref="CellHeightPx"/>). The runtime
/// map is one (cells of the map stride); a PNG mask at image resolution is another (cells of one frame pixel).
/// </summary>
public readonly struct MapGrid
{
    public MapGrid(int width, int height, double cellWidthPx, double cellHeightPx)
    {
        if (width <= 0 || height <= 0 || (long)width * height > Array.MaxLength)
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(width), ForeignHeadThrowHelper.Format($"MapGrid {width}x{height} cells"), "width and height must be > 0 and their product must fit an array");
        }

        if (!(double.IsFinite(cellWidthPx) && cellWidthPx > 0) || !(double.IsFinite(cellHeightPx) && cellHeightPx > 0))
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(cellWidthPx), ForeignHeadThrowHelper.Format($"MapGrid cell {cellWidthPx}x{cellHeightPx} px"), "cell sizes must be finite and > 0");
        }

        Width = width;
        Height = height;
        CellWidthPx = cellWidthPx;
        CellHeightPx = cellHeightPx;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Frame pixels per cell along x.</summary>
    public double CellWidthPx { get; }

    /// <summary>Frame pixels per cell along y.</summary>
    public double CellHeightPx { get; }

    public int CellCount => Width * Height;

    /// <summary>The runtime map: <paramref name="mapWidth"/> × <paramref name="mapHeight"/> cells of <paramref name="stridePx"/> frame pixels.</summary>
    public static MapGrid Runtime(int mapWidth, int mapHeight, int stridePx)
    {
        if (stridePx <= 0)
        {
            ForeignHeadThrowHelper.ThrowPlan(nameof(stridePx), ForeignHeadThrowHelper.Format($"map stride {stridePx} px"), "the map stride must be > 0");
        }

        return new MapGrid(mapWidth, mapHeight, stridePx, stridePx);
    }

    /// <summary>
    /// <paramref name="width"/> × <paramref name="height"/> cells covering the whole frame exactly (a mask at frame
    /// resolution when they equal the frame's size; any other size scales it).
    /// </summary>
    public static MapGrid OverFrame(int width, int height, int frameWidthPx, int frameHeightPx)
    {
        if (frameWidthPx <= 0 || frameHeightPx <= 0)
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(frameWidthPx), ForeignHeadThrowHelper.Format($"frame {frameWidthPx}x{frameHeightPx} px"), "the frame's width and height must be > 0");
        }

        return new MapGrid(width, height, frameWidthPx / (double)Math.Max(width, 1), frameHeightPx / (double)Math.Max(height, 1));
    }
}

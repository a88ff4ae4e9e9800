using System.Globalization;
using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Lanes;
using Octopilot.Fusion.Tracking;
using Octopilot.WorldModel;
using StbImageWriteSharp;

namespace Octopilot.Host.Snapshots;

/// <summary>
/// What the car believes, as one bird's-eye-view PNG (<c>octopilot sim --bev-snapshot DIR</c>): forward up, left to the
/// left, the BEV grid at about 8 px per metre (2 px per default 0.25 m cell: the default 150 m x 40 m grid is 320 x
/// 1200 px under the caption bar). Drawn bottom to top:
/// the ground (unknown dark grey; known from olive, not drivable, to asphalt grey, drivable; lane-marking probability
/// blended towards white), each camera's footprint outlined in its colour (the cells for which it is the best source),
/// the fitted lane boundaries over their support (ego lane's two in yellow and 2 px, others cyan; dashed ones dashed),
/// the ego vehicle (blue, x −1.0..3.9 m, 1.8 m wide), and the tracks: confirmed filled, tentative outlined, both
/// length x width and turned to their heading over ground, with their id and a red arrow of one second of relative motion.
/// The caption bar holds the caller's caption, a summary line and the camera legend (see <see cref="BevCaption"/>).
/// Off the hot path: allocates the picture per call and reads its inputs only during the call.
/// </summary>
public static class BevPngWriter
{
    /// <summary>Ego body behind the rear axle, m (ISO 8855 origin under the rear axle): a mid-size car's rear overhang.</summary>
    public const double EgoRearM = -1.0;

    /// <summary>Ego body front, m: 2.9 m wheelbase plus a 1.0 m front overhang.</summary>
    public const double EgoFrontM = 3.9;

    /// <summary>Ego body width, m (without mirrors).</summary>
    public const double EgoWidthM = 1.8;

    /// <summary>The velocity arrow shows where the object will be relative to the ego after this much time, s.</summary>
    public const double VelocityArrowS = 1.0;

    /// <summary>Below this speed over ground a track's heading is noise, m/s: its rectangle is drawn along ego x.</summary>
    public const double MinHeadingSpeedMps = 1.0;

    /// <summary>Length of a dash and of a gap of a dashed lane boundary, m (counted from x = 0, so dashes do not crawl).</summary>
    public const double DashM = 3.0;

    /// <summary>Length of each barb of a velocity arrow's head, px.</summary>
    public const int ArrowHeadPx = 5;

    /// <summary>
    /// Writes the builder's last update: its layers, table, lanes and tracks, with the caption, a summary line and the
    /// camera coverage per sector (percent) in the caption bar. Call on the builder's thread, between updates.
    /// </summary>
    public static void Write(string path, WorldModelBuilder builder, string caption)
    {
        ArgumentNullException.ThrowIfNull(builder);
        string coverage = "COV";
        foreach (CoverageSector sector in Enum.GetValues<CoverageSector>())
        {
            coverage += string.Create(CultureInfo.InvariantCulture, $" {SectorLabel(sector)}{Math.Round(builder.Coverage.CoveredFraction(sector) * 100):0}");
        }

        Write(path, builder.Layers, builder.Table, builder.Lanes, builder.Tracker.Tracks, caption + "\n" + coverage);
    }

    /// <summary>Writes one picture from the pieces; <paramref name="lanes"/> contributes its boundaries and ego lane.</summary>
    public static void Write(string path, BevLayers layers, BevLookupTable table, LaneEstimate lanes, ReadOnlySpan<ObjectTrack> tracks, string caption)
    {
        ArgumentNullException.ThrowIfNull(lanes);
        var boundaries = new LaneBoundary[lanes.BoundaryCount];
        for (int i = 0; i < boundaries.Length; i++)
        {
            boundaries[i] = lanes.Boundary(i);
        }

        string summary = BevCaption.Summary(lanes.LaneCount, lanes.EgoLaneIndex, lanes.EgoLaneWidthM, lanes.Confidence, tracks);
        WritePng(path, Render(layers, table, boundaries, lanes.EgoLaneIndex, tracks, caption + "\n" + summary));
    }

    /// <summary>
    /// Writes one picture from the pieces, with lane boundaries given directly (sorted left to right as in
    /// <see cref="LaneEstimate"/>; lane i lies between boundaries i and i + 1; <paramref name="egoLaneIndex"/> −1 for none).
    /// </summary>
    public static void Write(string path, BevLayers layers, BevLookupTable table, ReadOnlySpan<LaneBoundary> boundaries, int egoLaneIndex, ReadOnlySpan<ObjectTrack> tracks, string caption) =>
        WritePng(path, Render(layers, table, boundaries, egoLaneIndex, tracks, caption));

    /// <summary>Draws the picture in memory (see the class summary for what is drawn). Throws when layers and table disagree on the grid.</summary>
    internal static BevCanvas Render(BevLayers layers, BevLookupTable table, ReadOnlySpan<LaneBoundary> boundaries, int egoLaneIndex, ReadOnlySpan<ObjectTrack> tracks, string caption)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(table);
        if (layers.Grid != table.Grid)
        {
            throw new ArgumentException($"layers and lookup table must share one grid: layers {layers.Grid}, table {table.Grid}", nameof(table));
        }

        var canvas = new BevCanvas(LayOut(layers.Grid, table.CameraCount, caption, out List<string> captionRows));
        DrawCaptionBar(canvas, captionRows, table.CameraCount);
        DrawGround(canvas, layers);
        DrawFootprints(canvas, table);
        DrawLaneBoundaries(canvas, boundaries, egoLaneIndex);
        canvas.DrawOrientedRect((EgoRearM + EgoFrontM) / 2, 0, EgoFrontM - EgoRearM, EgoWidthM, 0, BevPalette.Ego, filled: true);
        DrawTracks(canvas, tracks);
        return canvas;
    }

    /// <summary>Encodes the picture as an 8-bit RGB PNG onto <paramref name="destination"/>; the stream stays open.</summary>
    internal static void WritePng(Stream destination, BevCanvas canvas) =>
        new ImageWriter().WritePng(canvas.Rgb24, canvas.Layout.WidthPx, canvas.Layout.HeightPx, ColorComponents.RedGreenBlue, destination);

    /// <summary>Writes through <c>path.tmp</c> and a rename, so a viewer polling the folder never opens half a picture.</summary>
    private static void WritePng(string path, BevCanvas canvas)
    {
        string temporaryPath = path + ".tmp";
        using (FileStream file = File.Create(temporaryPath))
        {
            WritePng(file, canvas);
        }

        File.Move(temporaryPath, path, overwrite: true);
    }

    private static BevPictureLayout LayOut(BevGridOptions grid, int cameraCount, string caption, out List<string> captionRows)
    {
        var layout = new BevPictureLayout(grid);
        captionRows = BevCaption.Wrap(caption, layout.CaptionColumns);
        int legendRows = BevCaption.LayOutLegend(cameraCount, layout.CaptionColumns, stackalloc (int, int)[cameraCount]);
        return layout.WithCaptionRows(captionRows.Count + legendRows);
    }

    private static void DrawCaptionBar(BevCanvas canvas, List<string> captionRows, int cameraCount)
    {
        BevPictureLayout layout = canvas.Layout;
        int scale = layout.TextScale;
        int left = BevPictureLayout.CaptionPaddingFontPx * scale;
        int advance = TinyFont.AdvancePx * scale;
        canvas.FillRect(layout.Caption, BevPalette.CaptionBackground);
        for (int row = 0; row < captionRows.Count; row++)
        {
            canvas.DrawText(left, layout.CaptionRowY(row), captionRows[row], scale, BevPalette.Text, layout.Caption);
        }

        int legendTop = captionRows.Count;
        canvas.DrawText(left, layout.CaptionRowY(legendTop), BevCaption.LegendPrefix, scale, BevPalette.Text, layout.Caption);
        Span<(int Row, int Column)> entries = stackalloc (int, int)[cameraCount];
        BevCaption.LayOutLegend(cameraCount, layout.CaptionColumns, entries);
        for (int camera = 0; camera < cameraCount; camera++)
        {
            int x = left + (entries[camera].Column * advance);
            int y = layout.CaptionRowY(legendTop + entries[camera].Row);
            canvas.FillRect(new PixelRect(x, y, TinyFont.GlyphWidthPx * scale, TinyFont.GlyphHeightPx * scale), BevPalette.Camera(camera));
            canvas.DrawText(x + advance, y, camera.ToString(CultureInfo.InvariantCulture), scale, BevPalette.Text, layout.Caption);
        }
    }

    private static void DrawGround(BevCanvas canvas, BevLayers layers)
    {
        BevPictureLayout layout = canvas.Layout;
        BevGridOptions grid = layers.Grid;
        int size = layout.PixelsPerCell;
        for (int ix = 0; ix < grid.CellsX; ix++)
        {
            for (int iy = 0; iy < grid.CellsY; iy++)
            {
                int cell = (ix * grid.CellsY) + iy;
                (int x, int y) = layout.CellOrigin(ix, iy);
                canvas.FillRect(
                    new PixelRect(x, y, size, size),
                    BevPalette.Cell(layers.DrivableKnown[cell], layers.Drivable[cell], layers.LanesKnown[cell], layers.Lanes[cell]));
            }
        }
    }

    // Each cell whose best camera differs from a neighbour's (another camera, or none) draws the pixels along that side
    // in its camera's colour: every footprint gets a closed outline inside the grid, drawn on its own side.
    private static void DrawFootprints(BevCanvas canvas, BevLookupTable table)
    {
        BevGridOptions grid = table.Grid;
        var best = new int[grid.CellCount];
        for (int cell = 0; cell < best.Length; cell++)
        {
            best[cell] = table.SourceCount(cell) > 0 ? table.GetSource(cell, 0).Camera : -1;
        }

        BevPictureLayout layout = canvas.Layout;
        int last = layout.PixelsPerCell - 1;
        for (int ix = 0; ix < grid.CellsX; ix++)
        {
            for (int iy = 0; iy < grid.CellsY; iy++)
            {
                int camera = best[(ix * grid.CellsY) + iy];
                if (camera < 0)
                {
                    continue;
                }

                (int x, int y) = layout.CellOrigin(ix, iy);
                var color = BevPalette.Camera(camera);
                for (int k = 0; k <= last; k++)
                {
                    if (ix + 1 < grid.CellsX && best[((ix + 1) * grid.CellsY) + iy] != camera)
                    {
                        canvas.SetMapPixel(x + k, y, color); // forward neighbour: top side
                    }

                    if (ix > 0 && best[((ix - 1) * grid.CellsY) + iy] != camera)
                    {
                        canvas.SetMapPixel(x + k, y + last, color); // rearward: bottom side
                    }

                    if (iy + 1 < grid.CellsY && best[(ix * grid.CellsY) + iy + 1] != camera)
                    {
                        canvas.SetMapPixel(x, y + k, color); // leftward: left side
                    }

                    if (iy > 0 && best[(ix * grid.CellsY) + iy - 1] != camera)
                    {
                        canvas.SetMapPixel(x + last, y + k, color); // rightward: right side
                    }
                }
            }
        }
    }

    private static void DrawLaneBoundaries(BevCanvas canvas, ReadOnlySpan<LaneBoundary> boundaries, int egoLaneIndex)
    {
        BevGridOptions grid = canvas.Layout.Grid;
        double stepM = canvas.Layout.MetresPerPixel;
        for (int i = 0; i < boundaries.Length; i++)
        {
            LaneBoundary boundary = boundaries[i];
            bool ego = egoLaneIndex >= 0 && (i == egoLaneIndex || i == egoLaneIndex + 1);
            var color = ego ? BevPalette.EgoLaneBoundary : BevPalette.LaneBoundary;
            int thicknessPx = ego ? 2 : 1;
            double fromM = Math.Max(boundary.SupportXMinM, grid.XMinM);
            double toM = Math.Min(boundary.SupportXMaxM, grid.XMaxM);
            if (!(fromM <= toM))
            {
                continue; // no support inside the grid, or NaN
            }

            for (double xM = fromM; xM < toM; xM += stepM)
            {
                double nextM = Math.Min(xM + stepM, toM);
                if (boundary.IsDashed && ((long)Math.Floor((xM + nextM) / 2 / DashM) & 1) != 0)
                {
                    continue;
                }

                canvas.DrawLine(xM, boundary.YAtM(xM), nextM, boundary.YAtM(nextM), color, thicknessPx);
            }
        }
    }

    private static void DrawTracks(BevCanvas canvas, ReadOnlySpan<ObjectTrack> tracks)
    {
        BevPictureLayout layout = canvas.Layout;
        foreach (ref readonly ObjectTrack track in tracks)
        {
            if (track.State == TrackState.Deleted || !double.IsFinite(track.XM) || !double.IsFinite(track.YM))
            {
                continue;
            }

            double speedMps = Math.Sqrt((track.VxMps * track.VxMps) + (track.VyMps * track.VyMps));
            double headingRad = speedMps >= MinHeadingSpeedMps ? Math.Atan2(track.VyMps, track.VxMps) : 0;
            canvas.DrawOrientedRect(track.XM, track.YM, track.LengthM, track.WidthM, headingRad, BevPalette.Object, filled: track.State == TrackState.Confirmed);
            if (double.IsFinite(track.RelativeVxMps) && double.IsFinite(track.RelativeVyMps))
            {
                canvas.DrawArrow(track.XM, track.YM, track.RelativeVxMps * VelocityArrowS, track.RelativeVyMps * VelocityArrowS, BevPalette.Velocity, ArrowHeadPx);
            }

            // The id just right of the rectangle's right-most extent, vertically centred on it.
            double rightReachM = (Math.Abs(track.LengthM * Math.Sin(headingRad)) + Math.Abs(track.WidthM * Math.Cos(headingRad))) / 2;
            int textX = (int)Math.Floor(layout.ColumnOf(track.YM - rightReachM)) + 2;
            int textY = (int)Math.Floor(layout.RowOf(track.XM)) - (TinyFont.GlyphHeightPx / 2);
            canvas.DrawText(textX, textY, track.Id.ToString(CultureInfo.InvariantCulture), 1, BevPalette.Text, layout.Map);
        }
    }

    private static string SectorLabel(CoverageSector sector) => sector switch
    {
        CoverageSector.Front => "F",
        CoverageSector.FrontLeft => "FL",
        CoverageSector.Left => "L",
        CoverageSector.RearLeft => "RL",
        CoverageSector.Rear => "B",
        CoverageSector.RearRight => "RR",
        CoverageSector.Right => "R",
        CoverageSector.FrontRight => "FR",
        _ => "?",
    };
}

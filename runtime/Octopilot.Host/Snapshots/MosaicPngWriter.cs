using StbImageWriteSharp;
using Octopilot.Core.Frames;

namespace Octopilot.Host.Snapshots;

/// <summary>
/// Composes one camera tile per rig camera into a captioned mosaic (see <see cref="MosaicLayout"/>) and writes it
/// as PNG, so a person can see what the cameras see (<c>octopilot sim --snapshot DIR</c>). Every tile starts as
/// missing: grey, captioned "MISSING name"; <see cref="SetTile"/> replaces it with the camera image.
/// Not thread-safe; off the hot path (allocates the mosaic once per writer).
/// </summary>
public sealed class MosaicPngWriter
{
    /// <summary>Caption prefix of a tile whose camera delivered nothing; first, so a narrow tile still shows it.</summary>
    public const string MissingCaptionPrefix = "MISSING";

    public static readonly Rgb24Color BackgroundColor = new(24, 24, 24);
    public static readonly Rgb24Color CaptionBackgroundColor = new(0, 0, 0);
    public static readonly Rgb24Color CaptionTextColor = new(255, 255, 255);
    public static readonly Rgb24Color MissingTileColor = new(128, 128, 128);

    private readonly byte[] _rgb24;
    private readonly string[] _captions;

    /// <param name="layout">Grid and tile size.</param>
    /// <param name="captions">One caption per tile, in tile order: the camera names.</param>
    public MosaicPngWriter(MosaicLayout layout, IReadOnlyList<string> captions)
    {
        if (captions.Count != layout.TileCount)
        {
            throw new ArgumentException($"need one caption per tile: {layout.TileCount} tiles, {captions.Count} captions", nameof(captions));
        }

        Layout = layout;
        _captions = captions.ToArray();
        _rgb24 = new byte[layout.Rgb24Bytes];
        Rgb24Drawing.FillRect(_rgb24, layout.WidthPx, new PixelRect(0, 0, layout.WidthPx, layout.HeightPx), BackgroundColor);
        for (int i = 0; i < layout.TileCount; i++)
        {
            SetMissing(i);
        }
    }

    public MosaicLayout Layout { get; }

    /// <summary>The mosaic as packed RGB24, <see cref="MosaicLayout.WidthPx"/> pixels per row; changes with every Set call.</summary>
    public ReadOnlySpan<byte> Rgb24 => _rgb24;

    /// <summary>
    /// Copies one camera image (packed RGB24, tile width x tile height) into tile <paramref name="index"/> and
    /// captions it with the camera name. The span is read only during the call; the caller may reuse it at once.
    /// </summary>
    public void SetTile(int index, ReadOnlySpan<byte> tileRgb24)
    {
        if (tileRgb24.Length != Layout.TileRgb24Bytes)
        {
            throw new ArgumentException(
                $"tile {index} ({_captions[index]}) must be {Layout.TileWidthPx}x{Layout.TileHeightPx} RGB24 = {Layout.TileRgb24Bytes} bytes, got {tileRgb24.Length}",
                nameof(tileRgb24));
        }

        PixelRect tile = Layout.TileRect(index);
        Rgb24Drawing.CopyTile(tileRgb24, Layout.TileWidthPx, _rgb24, Layout.WidthPx, tile.X, tile.Y);
        DrawCaption(index, _captions[index]);
    }

    /// <summary>Marks tile <paramref name="index"/> as missing: grey, captioned "MISSING name".</summary>
    public void SetMissing(int index)
    {
        Rgb24Drawing.FillRect(_rgb24, Layout.WidthPx, Layout.TileRect(index), MissingTileColor);
        DrawCaption(index, $"{MissingCaptionPrefix} {_captions[index]}");
    }

    /// <summary>Encodes the mosaic as an 8-bit RGB PNG onto <paramref name="destination"/>; the stream stays open.</summary>
    public void WritePng(Stream destination) =>
        new ImageWriter().WritePng(_rgb24, Layout.WidthPx, Layout.HeightPx, ColorComponents.RedGreenBlue, destination);

    /// <summary>
    /// Writes the PNG to <paramref name="path"/> through a temporary file in the same folder, so a viewer polling
    /// the snapshot folder never opens half a picture.
    /// </summary>
    public void WritePng(string path)
    {
        string temporaryPath = path + ".tmp";
        using (FileStream file = File.Create(temporaryPath))
        {
            WritePng(file);
        }

        File.Move(temporaryPath, path, overwrite: true);
    }

    private void DrawCaption(int index, string caption)
    {
        PixelRect strip = Layout.CaptionRect(index);
        int scale = Layout.CaptionScale;
        Rgb24Drawing.FillRect(_rgb24, Layout.WidthPx, strip, CaptionBackgroundColor);
        Rgb24Drawing.DrawText(
            _rgb24, Layout.WidthPx, strip.X + scale, strip.Y + (MosaicLayout.CaptionPaddingFontPx * scale),
            caption, scale, CaptionTextColor, strip);
    }
}

namespace Octopilot.Host.Snapshots;

/// <summary>An axis-aligned block of pixels: top-left corner (<see cref="X"/>, <see cref="Y"/>) and size, in pixels.</summary>
public readonly record struct PixelRect(int X, int Y, int WidthPx, int HeightPx)
{
    public int Right => X + WidthPx;

    public int Bottom => Y + HeightPx;
}

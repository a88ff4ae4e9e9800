using Octopilot.Core.Frames;

namespace Octopilot.Host.Snapshots;

/// <summary>
/// Colours of the BEV picture (R, G, B). The ground is drawn in greys and olive so every overlay stands out on it:
/// unknown (28, 28, 28); known ground from off-road olive (38, 56, 26) at drivable 0 to asphalt (120, 120, 120) at 1;
/// lane-marking probability p blends the ground towards white by p. Overlays: camera footprint outlines in a
/// per-camera colour, other lane boundaries cyan, ego-lane boundaries yellow, confirmed objects orange (filled),
/// tentative objects orange (outline), relative velocity red, ego blue, text white on black.
/// </summary>
internal static class BevPalette
{
    public static readonly Rgb24Color Unknown = new(28, 28, 28);
    public static readonly Rgb24Color NotDrivable = new(38, 56, 26);
    public static readonly Rgb24Color Drivable = new(120, 120, 120);
    public static readonly Rgb24Color LaneMarking = new(255, 255, 255);
    public static readonly Rgb24Color LaneBoundary = new(0, 190, 255);
    public static readonly Rgb24Color EgoLaneBoundary = new(255, 215, 0);
    public static readonly Rgb24Color Object = new(255, 128, 0);
    public static readonly Rgb24Color Velocity = new(255, 48, 48);
    public static readonly Rgb24Color Ego = new(40, 110, 255);
    public static readonly Rgb24Color Text = new(255, 255, 255);
    public static readonly Rgb24Color CaptionBackground = new(0, 0, 0);

    // Distinct hues that are none of the overlay colours above (after Sasha Trubetskoy's 20 distinct colours); a rig
    // of more cameras reuses them in order.
    private static readonly Rgb24Color[] CameraColors =
    [
        new(230, 25, 75),   // red
        new(60, 180, 75),   // green
        new(170, 255, 195), // mint
        new(245, 130, 180), // pink
        new(145, 30, 180),  // purple
        new(210, 245, 60),  // lime
        new(240, 50, 230),  // magenta
        new(170, 110, 40),  // brown
        new(0, 128, 128),   // teal
        new(220, 190, 255), // lavender
    ];

    /// <summary>Colour of camera <paramref name="camera"/> (batch index) for its footprint outline and legend swatch.</summary>
    public static Rgb24Color Camera(int camera) => CameraColors[camera % CameraColors.Length];

    /// <summary>
    /// Colour of one grid cell before overlays: <see cref="Unknown"/> where the drivable head did not cover it, else the
    /// ground by drivable probability; then, where the lanes head covered it, blended towards <see cref="LaneMarking"/>
    /// by the lane probability. Probabilities are clamped to [0, 1].
    /// </summary>
    public static Rgb24Color Cell(bool drivableKnown, float drivable, bool lanesKnown, float lanes)
    {
        Rgb24Color ground = drivableKnown ? Blend(NotDrivable, Drivable, drivable) : Unknown;
        return lanesKnown ? Blend(ground, LaneMarking, lanes) : ground;
    }

    /// <summary><paramref name="from"/> moved towards <paramref name="to"/> by <paramref name="fraction"/> (clamped to [0, 1]; NaN counts as 0).</summary>
    public static Rgb24Color Blend(Rgb24Color from, Rgb24Color to, float fraction)
    {
        float f = fraction > 0 ? Math.Min(fraction, 1f) : 0f;
        return new Rgb24Color(Channel(from.R, to.R, f), Channel(from.G, to.G, f), Channel(from.B, to.B, f));
    }

    private static byte Channel(byte from, byte to, float fraction) => (byte)Math.Round(from + ((to - from) * fraction));
}

namespace Octopilot.Host.Dataset;

/// <summary>
/// Lighting of one dataset scene, applied to the rendered RGB as a per-channel gain: out = clamp(round(in · brightness ·
/// tint)). The renderer's palette (<c>RenderPalette</c>) is a fixed daylight table; because every colour it draws is
/// the palette colour times a shading factor, a global gain on the image equals the same gain on the palette (up to
/// rounding and clipping at 255) and leaves the renderer and its tests untouched. Labels do not change with lighting.
/// </summary>
/// <param name="Brightness">Overall gain, 1 = the renderer's daylight.</param>
/// <param name="TintR">Extra gain of the red channel (colour temperature), about 1.</param>
/// <param name="TintG">Extra gain of the green channel, about 1.</param>
/// <param name="TintB">Extra gain of the blue channel, about 1.</param>
internal sealed record SceneLighting(double Brightness, double TintR, double TintG, double TintB)
{
    /// <summary>The renderer's own colours.</summary>
    public static SceneLighting Neutral { get; } = new(1, 1, 1, 1);

    /// <summary>Scales an RGB24 image in place (packed rows, 3 bytes per pixel).</summary>
    public void Apply(Span<byte> rgb24)
    {
        if (this == Neutral)
        {
            return;
        }

        Span<byte> lookupR = stackalloc byte[256], lookupG = stackalloc byte[256], lookupB = stackalloc byte[256];
        Fill(lookupR, Brightness * TintR);
        Fill(lookupG, Brightness * TintG);
        Fill(lookupB, Brightness * TintB);
        for (int i = 0; i + 2 < rgb24.Length; i += 3)
        {
            rgb24[i] = lookupR[rgb24[i]];
            rgb24[i + 1] = lookupG[rgb24[i + 1]];
            rgb24[i + 2] = lookupB[rgb24[i + 2]];
        }
    }

    private static void Fill(Span<byte> lookup, double gain)
    {
        for (int v = 0; v < lookup.Length; v++)
        {
            lookup[v] = Scale((byte)v, gain);
        }
    }

    private static byte Scale(byte value, double gain) => (byte)Math.Clamp(Math.Round(value * gain, MidpointRounding.AwayFromZero), 0, 255);
}

using Octopilot.Core.Frames;

namespace Octopilot.Cameras.Synthetic;

/// <summary>
/// Colours and lighting of the synthetic scene, in one table. Chosen to look like a daylight highway and to keep the
/// classes apart in colour (markings far brighter than asphalt, sky bluer than anything on the ground).
/// </summary>
internal static class RenderPalette
{
    public static readonly Rgb24Color Asphalt = new(92, 92, 96);
    public static readonly Rgb24Color Shoulder = new(128, 122, 110);
    public static readonly Rgb24Color Grass = new(74, 112, 52);
    public static readonly Rgb24Color Marking = new(236, 236, 228);
    public static readonly Rgb24Color SkyHorizon = new(204, 218, 232);
    public static readonly Rgb24Color SkyZenith = new(88, 136, 208);

    /// <summary>Elevation above the horizon where the sky reaches its zenith colour, radians (about 30°).</summary>
    public const double SkyGradientSpanRad = 0.52;

    /// <summary>Cell sizes of the two texture octaves on the ground, metres: fine grain and coarse patches.</summary>
    public const float FineCellM = 0.25f;

    /// <summary>See <see cref="FineCellM"/>.</summary>
    public const float CoarseCellM = 2.0f;

    /// <summary>Peak brightness change of the fine and coarse texture octaves, grey levels.</summary>
    public const int FineNoiseAmplitude = 7;

    /// <summary>See <see cref="FineNoiseAmplitude"/>.</summary>
    public const int CoarseNoiseAmplitude = 5;

    /// <summary>Lambert lighting of vehicle faces: ambient floor plus diffuse share (they sum to 1: a face facing the sun is its colour).</summary>
    public const float Ambient = 0.4f;

    /// <summary>See <see cref="Ambient"/>.</summary>
    public const float Diffuse = 0.6f;

    /// <summary>Direction towards the sun in the world frame (unit): high, from front-left of the +x direction.</summary>
    public static readonly (float X, float Y, float Z) SunDirection = Normalize(0.45f, 0.55f, 0.70f);

    /// <summary>How far the contact shadow reaches beyond the vehicle footprint, metres.</summary>
    public const float ShadowReachM = 0.45f;

    /// <summary>Brightness factor of the ground right at the footprint edge (darkest shadow).</summary>
    public const float ShadowDarkest = 0.45f;

    private static (float X, float Y, float Z) Normalize(float x, float y, float z)
    {
        float n = MathF.Sqrt((x * x) + (y * y) + (z * z));
        return (x / n, y / n, z / n);
    }
}

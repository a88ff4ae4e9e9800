namespace Octopilot.Host.Dataset;

/// <summary>
/// The seeds of an export, all derived from the one <c>--seed</c> by SplitMix64 (a fixed, portable 64-bit mixer), so a
/// sample's scene and split depend only on (seed, sample index), never on the order or number of samples before it.
/// </summary>
internal static class DatasetSeeds
{
    /// <summary>Salt of the scene-variant stream.</summary>
    private const ulong VariantSalt = 0x5641_5249_414E_5431; // "VARIANT1"

    /// <summary>Salt of the train/val split hash (independent of the variant stream).</summary>
    private const ulong SplitSalt = 0x5350_4C49_5456_414C; // "SPLITVAL"

    /// <summary>Seed of <see cref="System.Random"/> for sample <paramref name="sampleIndex"/>'s scene variant.</summary>
    public static int VariantSeed(ulong seed, int sampleIndex) => (int)(Hash(seed, VariantSalt, sampleIndex) >> 33);

    /// <summary>
    /// Uniform in [0, 1) from (seed, sample index): a sample is in the validation split when this is below the val
    /// fraction. The whole scene (all eight cameras) goes to one split.
    /// </summary>
    public static double SplitHash(ulong seed, int sampleIndex) => (Hash(seed, SplitSalt, sampleIndex) >> 11) * (1.0 / (1UL << 53));

    private static ulong Hash(ulong seed, ulong salt, int sampleIndex) => Mix(Mix(seed ^ salt) + (ulong)(uint)sampleIndex);

    /// <summary>SplitMix64 finaliser (Steele, Lea, Flood 2014).</summary>
    private static ulong Mix(ulong z)
    {
        z += 0x9E37_79B9_7F4A_7C15;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB;
        return z ^ (z >> 31);
    }
}

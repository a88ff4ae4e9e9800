namespace Octopilot.Host.Evaluation;

/// <summary>
/// The distance bands every range-dependent metric is reported in: three disjoint bands (0–20, 20–40, 40–80 m: near,
/// the planner's following distances at highway speed, the far end of what the 8-camera rig resolves at 384x288) and
/// two cumulative ones ("within 40 m", "within 80 m") for choosing an operating point. Half-open: 20 m is in 20–40.
/// </summary>
internal static class DistanceBands
{
    public static IReadOnlyList<DistanceBand> All { get; } =
    [
        new("0-20 m", 0, 20),
        new("20-40 m", 20, 40),
        new("40-80 m", 40, 80),
        new("within 40 m", 0, 40),
        new("within 80 m", 0, 80),
    ];

    /// <summary>Index into <see cref="All"/> of "within 40 m" and "within 80 m" (the score sweep reports these).</summary>
    public const int Within40 = 3, Within80 = 4;
}

using System.Globalization;

namespace Octopilot.Fusion.Tracking;

/// <summary>
/// Tuning of <see cref="ObjectTracker"/>. Immutable; <see cref="Validate"/> runs once in the tracker's constructor and
/// names the broken rule and the value. Defaults are tuned for 15–36 sets/s of camera detections on roads.
/// </summary>
public sealed record ObjectTrackerOptions
{
    /// <summary>Tracks held at once: 64 covers dense traffic on 4 lanes within 100 m ahead and 50 m behind.</summary>
    public const int MaxTracks = 64;

    /// <summary>
    /// Spectral density of the white acceleration noise, m²/s³ (velocity random walk of √q m/s per √s). Chosen by sweep
    /// (1000 seeds, 15 Hz, 0.15 m white noise; Fusion README "Tracker tuning"): 0.5 keeps the relative speed within
    /// 0.5 m/s after 1 s in every run for leads at 20–80 m, where 1.0 and 2.0 fail up to 0.7 % and 4.5 % of runs. The price is lag: a lead
    /// braking at 3 m/s² is under-estimated by about 2 m/s once settled (1.6 m/s at q = 2); a constant-acceleration or
    /// IMM model is the fix, not a larger q.
    /// </summary>
    public const double DefaultAccelSpectralDensityM2ps3 = 0.5;

    /// <summary>Measurement noise floor, m (1σ, both axes): footprint centre jitter of a box detector at short range.</summary>
    public const double DefaultNoiseFloorM = 0.1;

    /// <summary>Radial (depth) noise as a fraction of range (1σ): monocular depth is good to a few % (issue 5 asks 5 % of range).</summary>
    public const double DefaultRadialNoiseFractionOfRange = 0.02;

    /// <summary>Tangential noise, rad (1σ): a pixel or two of box-centre jitter on a ~60° camera at 96 px maps.</summary>
    public const double DefaultTangentialNoiseRad = 0.005;

    /// <summary>Gate on the squared Mahalanobis distance: χ² with 2 dof at 99 % (a true match falls outside 1 time in 100).</summary>
    public const double DefaultGateChiSquare2Dof = 9.21;

    /// <summary>Detections closer than this, m, are always one object seen by two overlapping cameras (the floor under the noise-scaled merge gate): well under a car width.</summary>
    public const double DefaultMergeDistanceM = 1.0;

    /// <summary>
    /// Two detections within this squared Mahalanobis distance under their summed noise are one object, χ² 2 dof. 9.21
    /// (99 %) keeps cars in adjacent lanes apart (3.5 m across is over 8σ at 40 m); in one lane, cars 6 m apart (centre
    /// to centre, a queue) stay apart up to about 65 m and 8 m apart up to about 85 m. Farther, the rear car is mostly
    /// hidden behind the front one anyway.
    /// </summary>
    public const double DefaultMergeGateChiSquare2Dof = 9.21;

    /// <summary>Hits needed for confirmation (M of M-of-N).</summary>
    public const int DefaultConfirmHits = 3;

    /// <summary>Window for confirmation, sets (N of M-of-N): 3 of 5 at 15 Hz confirms within 0.33 s and rejects single clutter.</summary>
    public const int DefaultConfirmWindowSets = 5;

    /// <summary>Consecutive misses that delete a tentative track: clutter dies after 2 sets.</summary>
    public const int DefaultTentativeMissesToDelete = 2;

    /// <summary>Consecutive misses that delete a confirmed track: 10 sets = 0.67 s at 15 Hz of coasting through occlusion.</summary>
    public const int DefaultConfirmedMissesToDelete = 10;

    /// <summary>A track whose position σ (square root of the larger covariance eigenvalue) passes this, m, is deleted: it would gate anything.</summary>
    public const double DefaultMaxPositionSigmaM = 5.0;

    /// <summary>Velocity σ given to a newborn track, m/s (relative velocity starts at 0: most traffic moves with us).</summary>
    public const double DefaultBirthVelocitySigmaMps = 10.0;

    /// <summary>Longest gap between sets, s, over which tracks are predicted; a longer gap (a stalled pipeline) drops every track (counted): a track coasted blind for a second is worth less than a fresh one, and would gate wrong measurements.</summary>
    public const double DefaultMaxGapS = 1.0;

    public double AccelSpectralDensityM2ps3 { get; init; } = DefaultAccelSpectralDensityM2ps3;

    public double NoiseFloorM { get; init; } = DefaultNoiseFloorM;

    public double RadialNoiseFractionOfRange { get; init; } = DefaultRadialNoiseFractionOfRange;

    /// <summary>
    /// Radial noise term that grows with range squared, 1/m (σ_r += growth·range²); 0 for a detector whose range error
    /// is proportional to range. Ground-contact ranges need it: their error is one box-bottom pixel's worth of range,
    /// which grows with range squared (about 10 m per pixel at 110 m for the tiny model's cameras).
    /// </summary>
    public double RadialNoiseGrowthPerM { get; init; }

    public double TangentialNoiseRad { get; init; } = DefaultTangentialNoiseRad;

    public double GateChiSquare2Dof { get; init; } = DefaultGateChiSquare2Dof;

    public double MergeDistanceM { get; init; } = DefaultMergeDistanceM;

    public double MergeGateChiSquare2Dof { get; init; } = DefaultMergeGateChiSquare2Dof;

    public int ConfirmHits { get; init; } = DefaultConfirmHits;

    public int ConfirmWindowSets { get; init; } = DefaultConfirmWindowSets;

    public int TentativeMissesToDelete { get; init; } = DefaultTentativeMissesToDelete;

    public int ConfirmedMissesToDelete { get; init; } = DefaultConfirmedMissesToDelete;

    public double MaxPositionSigmaM { get; init; } = DefaultMaxPositionSigmaM;

    /// <summary>
    /// When above 0, the deletion limit of a track's position σ is at least this many times the radial measurement σ
    /// at the track's range (<see cref="MaxPositionSigmaM"/> stays the floor). Without it a detector whose σ_r passes
    /// 5 m (8 % of range beyond 62 m) cannot keep a track at all: each track is deleted right after its birth, and a
    /// stopped car far ahead is only tracked once it is near. 0: the fixed limit alone (the oracle's 2 % stays under it to 240 m).
    /// </summary>
    public double MaxPositionSigmaOverRadialNoise { get; init; }

    public double BirthVelocitySigmaMps { get; init; } = DefaultBirthVelocitySigmaMps;

    public double MaxGapS { get; init; } = DefaultMaxGapS;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first broken rule and its value.</summary>
    public void Validate()
    {
        RequirePositive(AccelSpectralDensityM2ps3, nameof(AccelSpectralDensityM2ps3));
        RequirePositive(NoiseFloorM, nameof(NoiseFloorM));
        RequireNonNegative(RadialNoiseFractionOfRange, nameof(RadialNoiseFractionOfRange));
        RequireNonNegative(RadialNoiseGrowthPerM, nameof(RadialNoiseGrowthPerM));
        RequireNonNegative(MaxPositionSigmaOverRadialNoise, nameof(MaxPositionSigmaOverRadialNoise));
        RequireNonNegative(TangentialNoiseRad, nameof(TangentialNoiseRad));
        RequirePositive(GateChiSquare2Dof, nameof(GateChiSquare2Dof));
        RequireNonNegative(MergeDistanceM, nameof(MergeDistanceM));
        RequireNonNegative(MergeGateChiSquare2Dof, nameof(MergeGateChiSquare2Dof));
        RequirePositive(MaxPositionSigmaM, nameof(MaxPositionSigmaM));
        RequirePositive(BirthVelocitySigmaMps, nameof(BirthVelocitySigmaMps));
        RequirePositive(MaxGapS, nameof(MaxGapS));

        // The hit history is a 16-bit shift register.
        if (ConfirmWindowSets is < 1 or > 16)
        {
            Throw($"{nameof(ConfirmWindowSets)} must be in 1..16, was {ConfirmWindowSets}");
        }

        if (ConfirmHits < 1 || ConfirmHits > ConfirmWindowSets)
        {
            Throw($"{nameof(ConfirmHits)} must be in 1..{nameof(ConfirmWindowSets)} ({ConfirmWindowSets}), was {ConfirmHits}");
        }

        if (TentativeMissesToDelete < 1 || ConfirmedMissesToDelete < 1)
        {
            Throw($"misses to delete must be at least 1, were tentative {TentativeMissesToDelete}, confirmed {ConfirmedMissesToDelete}");
        }
    }

    private static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            Throw($"{name} must be finite and > 0, was {value.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void RequireNonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            Throw($"{name} must be finite and >= 0, was {value.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void Throw(string message) => throw new ArgumentException(message);
}

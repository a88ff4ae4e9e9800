using System.Globalization;

namespace Octopilot.Fusion.Lanes;

/// <summary>
/// Tuning of <see cref="LaneFitter"/>. Immutable; <see cref="Validate"/> runs once in the fitter's constructor and names
/// the broken rule and the value. Lengths in metres in the ego frame (ISO 8855: x forward, y left). Defaults are tuned
/// for the default BEV grid (0.25 m cells) and motorway markings (0.10–0.30 m wide, dashes 3–6 m, gaps 9–12 m).
/// </summary>
public sealed record LaneFitOptions
{
    /// <summary>Rear end of the fit window, m: 20 m behind the rear axle, where the rear camera still resolves markings.</summary>
    public const double DefaultFitXMinM = -20.0;

    /// <summary>Front end of the fit window, m: 60 m ahead; farther, a 96x72 map row spans several metres and markings thin out.</summary>
    public const double DefaultFitXMaxM = 60.0;

    /// <summary>Length of one x slice, m: 4 cells of the default grid; a 3 m dash fills 2–3 slices.</summary>
    public const double DefaultSliceLengthM = 1.0;

    /// <summary>
    /// Mean marking probability (over a slice's known cells in one lateral column) that starts a peak. The oracle head is
    /// the fraction of marking pixels in a map pixel: a 0.15 m line fills about a third of a 0.4 m pixel at 30 m, so 0.1
    /// keeps far lines while rejecting the speckle of a learned head.
    /// </summary>
    public const float DefaultMarkingThreshold = 0.1f;

    /// <summary>Polynomial order of a boundary, y = c0 + c1·x + c2·x²: a clothoid's first terms over 80 m.</summary>
    public const int DefaultPolynomialOrder = 2;

    /// <summary>Highest polynomial order supported (normal equations solved by hand, 4x4).</summary>
    public const int MaxPolynomialOrder = 3;

    /// <summary>Slices with a peak needed to keep a boundary: a dashed divider (3 m of 12) gives about 20 of 80.</summary>
    public const int DefaultMinSupportSlices = 6;

    /// <summary>Least x span of a boundary's support, m: one dash (3 m) plus one gap (9 m); shorter is a blob, not a line.</summary>
    public const double DefaultMinSupportSpanM = 12.0;

    /// <summary>Narrowest plausible lane, m (2.5 m: narrow urban lanes; motorway lanes are 3.5–3.75 m).</summary>
    public const double DefaultMinLaneWidthM = 2.5;

    /// <summary>Widest plausible lane, m (4.5 m: wide slip roads; wider is a shoulder or a missed divider).</summary>
    public const double DefaultMaxLaneWidthM = 4.5;

    /// <summary>Most lanes reported (7 boundaries); the default grid is 40 m wide, so more would not fit anyway.</summary>
    public const int DefaultMaxLanes = 6;

    /// <summary>
    /// Association gate, m: a peak joins a boundary when within this of the boundary's running prediction. Under half the
    /// narrowest lane (so neighbours never swap), above the centroid noise (a few cm) plus extrapolation across a 9 m gap.
    /// </summary>
    public const double DefaultGateM = 0.5;

    /// <summary>Gate growth per metre of extrapolation beyond a boundary's support, m/m (curvature not yet seen).</summary>
    public const double DefaultGateGrowthPerM = 0.01;

    /// <summary>Widest peak accepted as a marking, m: double lines are ~0.6 m; wider runs are blobs (arrows, paint, glare).</summary>
    public const double DefaultMaxPeakWidthM = 1.0;

    /// <summary>Support (slices) at which a boundary counts fully in <see cref="LaneEstimate.Confidence"/>.</summary>
    public const int DefaultFullSupportSlices = 20;

    /// <summary>
    /// RMS residual, m, at which a boundary's residual factor in <see cref="LaneEstimate.Confidence"/> is ½: 0.8 of a
    /// default BEV cell (0.25 m). It was 0.1 m, tuned on oracle maps, whose fractional paint puts each slice's peak
    /// well inside a cell; a trained HydraNet's marking map is near 0/1 a cell or two wide, which puts the peaks a
    /// cell apart at worst (0.10–0.21 m RMS on a straight road in the closed loop), so its fits sat at the planner's
    /// 0.4 minimum confidence and lateral control held while lane keeping itself was fine (lane IoU 0.9+).
    /// </summary>
    public const double DefaultResidualScaleM = 0.2;

    /// <summary>
    /// How far beyond the fit window <see cref="LaneEstimate.LaneIndexAt"/> still answers, m (both ends): a lead at 100 m
    /// is assigned on a 40 m extrapolation of the fitted curves.
    /// </summary>
    public const double DefaultQueryExtrapolationM = 40.0;

    public double FitXMinM { get; init; } = DefaultFitXMinM;

    public double FitXMaxM { get; init; } = DefaultFitXMaxM;

    public double SliceLengthM { get; init; } = DefaultSliceLengthM;

    public float MarkingThreshold { get; init; } = DefaultMarkingThreshold;

    public int PolynomialOrder { get; init; } = DefaultPolynomialOrder;

    public int MinSupportSlices { get; init; } = DefaultMinSupportSlices;

    public double MinSupportSpanM { get; init; } = DefaultMinSupportSpanM;

    public double MinLaneWidthM { get; init; } = DefaultMinLaneWidthM;

    public double MaxLaneWidthM { get; init; } = DefaultMaxLaneWidthM;

    public int MaxLanes { get; init; } = DefaultMaxLanes;

    public double GateM { get; init; } = DefaultGateM;

    public double GateGrowthPerM { get; init; } = DefaultGateGrowthPerM;

    public double MaxPeakWidthM { get; init; } = DefaultMaxPeakWidthM;

    public int FullSupportSlices { get; init; } = DefaultFullSupportSlices;

    public double ResidualScaleM { get; init; } = DefaultResidualScaleM;

    public double QueryExtrapolationM { get; init; } = DefaultQueryExtrapolationM;

    /// <summary>Most boundaries reported: one more than <see cref="MaxLanes"/>.</summary>
    public int MaxBoundaries => MaxLanes + 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first broken rule and its value.</summary>
    public void Validate()
    {
        if (!double.IsFinite(FitXMinM) || !double.IsFinite(FitXMaxM) || !(FitXMinM < FitXMaxM))
        {
            Throw($"fit window must be finite with {nameof(FitXMinM)} < {nameof(FitXMaxM)}, was [{Fmt(FitXMinM)}, {Fmt(FitXMaxM)}]");
        }

        RequirePositive(SliceLengthM, nameof(SliceLengthM));
        if ((FitXMaxM - FitXMinM) / SliceLengthM > 10_000)
        {
            Throw($"fit window must hold at most 10000 slices, was {Fmt(FitXMaxM - FitXMinM)} m / {Fmt(SliceLengthM)} m");
        }

        if (!(MarkingThreshold > 0 && MarkingThreshold < 1))
        {
            Throw($"{nameof(MarkingThreshold)} must be in (0, 1), was {Fmt(MarkingThreshold)}");
        }

        if (PolynomialOrder is < 1 or > MaxPolynomialOrder)
        {
            Throw($"{nameof(PolynomialOrder)} must be in 1..{MaxPolynomialOrder}, was {PolynomialOrder}");
        }

        if (MinSupportSlices <= PolynomialOrder)
        {
            Throw($"{nameof(MinSupportSlices)} must exceed {nameof(PolynomialOrder)} ({PolynomialOrder}) for a determined fit, was {MinSupportSlices}");
        }

        RequireNonNegative(MinSupportSpanM, nameof(MinSupportSpanM));
        RequirePositive(MinLaneWidthM, nameof(MinLaneWidthM));
        if (!double.IsFinite(MaxLaneWidthM) || !(MaxLaneWidthM > MinLaneWidthM))
        {
            Throw($"{nameof(MaxLaneWidthM)} must be finite and > {nameof(MinLaneWidthM)} ({Fmt(MinLaneWidthM)}), was {Fmt(MaxLaneWidthM)}");
        }

        if (MaxLanes is < 1 or > 32)
        {
            Throw($"{nameof(MaxLanes)} must be in 1..32, was {MaxLanes}");
        }

        RequirePositive(GateM, nameof(GateM));
        if (GateM >= MinLaneWidthM / 2)
        {
            Throw($"{nameof(GateM)} must be under half of {nameof(MinLaneWidthM)} ({Fmt(MinLaneWidthM)}) so neighbouring boundaries never share a peak, was {Fmt(GateM)}");
        }

        RequireNonNegative(GateGrowthPerM, nameof(GateGrowthPerM));
        RequirePositive(MaxPeakWidthM, nameof(MaxPeakWidthM));
        if (FullSupportSlices < 1)
        {
            Throw($"{nameof(FullSupportSlices)} must be at least 1, was {FullSupportSlices}");
        }

        RequirePositive(ResidualScaleM, nameof(ResidualScaleM));
        RequireNonNegative(QueryExtrapolationM, nameof(QueryExtrapolationM));
    }

    private static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            Throw($"{name} must be finite and > 0, was {Fmt(value)}");
        }
    }

    private static void RequireNonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            Throw($"{name} must be finite and >= 0, was {Fmt(value)}");
        }
    }

    private static string Fmt(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static void Throw(string message) => throw new ArgumentException($"Lane fit: {message}");
}

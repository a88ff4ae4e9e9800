namespace Octopilot.Fusion.Lanes;

/// <summary>
/// One fitted lane boundary (a painted line) in the ego frame: y = C0 + C1·x + C2·x² + C3·x³, metres (ISO 8855: x forward,
/// y left). Terms above the fit's order are 0. The curve is trusted over its support
/// [<see cref="SupportXMinM"/>, <see cref="SupportXMaxM"/>] and extrapolated beyond it.
/// </summary>
public readonly struct LaneBoundary
{
    public LaneBoundary(
        double c0, double c1, double c2, double c3, double supportXMinM, double supportXMaxM, int supportSlices, double rmsResidualM, bool isDashed,
        bool isInferred = false, LaneMarkingSource markingSource = LaneMarkingSource.Coverage, double meanSolidProbability = double.NaN)
    {
        IsInferred = isInferred;
        MarkingSource = isInferred ? LaneMarkingSource.None : markingSource;
        MeanSolidProbability = meanSolidProbability;
        C0 = c0;
        C1 = c1;
        C2 = c2;
        C3 = c3;
        SupportXMinM = supportXMinM;
        SupportXMaxM = supportXMaxM;
        SupportSlices = supportSlices;
        RmsResidualM = rmsResidualM;
        IsDashed = isDashed;
    }

    /// <summary>Lateral offset at x = 0, m (left positive).</summary>
    public double C0 { get; }

    /// <summary>Slope dy/dx at x = 0 (the boundary's heading relative to the ego, rad, for small angles).</summary>
    public double C1 { get; }

    /// <summary>Half the curvature at x = 0, 1/m (C2 = κ/2; left bend positive).</summary>
    public double C2 { get; }

    /// <summary>A sixth of the curvature rate, 1/m² (0 for the default order 2).</summary>
    public double C3 { get; }

    /// <summary>Nearest x (m) of a slice that supported the fit.</summary>
    public double SupportXMinM { get; }

    /// <summary>Farthest x (m) of a slice that supported the fit.</summary>
    public double SupportXMaxM { get; }

    /// <summary>Slices whose marking peak was used in the fit.</summary>
    public int SupportSlices { get; }

    /// <summary>Weighted RMS of the supporting peaks' lateral residuals about the fitted curve, m.</summary>
    public double RmsResidualM { get; }

    /// <summary>
    /// True for a dashed marking. Decided by <see cref="MarkingSource"/>: with the solid_lines head, mean probability that
    /// the paint at the supporting peaks is solid below <see cref="LaneFitter.SolidProbabilityThreshold"/>; without it, peaks covering
    /// under 60 % of the slices across the support (a dashed divider, or a solid line mostly hidden: occlusion thins
    /// support too). False for an inferred boundary (<see cref="LaneMarkingSource.None"/>: unknown, not solid).
    /// </summary>
    public bool IsDashed { get; }

    /// <summary>Where <see cref="IsDashed"/> came from: the solid_lines head, the coverage heuristic, or nowhere (inferred).</summary>
    public LaneMarkingSource MarkingSource { get; }

    /// <summary>
    /// Mean over the supporting peaks of the probability that the paint there is solid (solid-lines over lanes layer,
    /// capped at 1; see LaneFitter.Marking.cs), [0, 1], when <see cref="MarkingSource"/> is
    /// <see cref="LaneMarkingSource.SolidLinesHead"/>; NaN otherwise.
    /// </summary>
    public double MeanSolidProbability { get; }

    /// <summary>A measured boundary whose marking is solid (not dashed, not inferred): the line a lane change must not cross.</summary>
    public bool IsSolid => MarkingSource != LaneMarkingSource.None && !IsDashed;

    /// <summary>
    /// True when no paint was seen for this boundary: the single-line fallback placed it one lane width from the ego
    /// lane's other boundary, parallel to it (<see cref="SupportSlices"/> 0; support range and residual are the source's).
    /// </summary>
    public bool IsInferred { get; }

    /// <summary>Lateral offset (m, left positive) of the boundary at <paramref name="xM"/>.</summary>
    public double YAtM(double xM) => C0 + (xM * (C1 + (xM * (C2 + (xM * C3)))));

    /// <summary>Slope dy/dx at <paramref name="xM"/>.</summary>
    public double SlopeAt(double xM) => C1 + (xM * ((2 * C2) + (3 * C3 * xM)));
}

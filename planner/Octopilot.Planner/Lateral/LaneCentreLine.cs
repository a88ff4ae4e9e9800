namespace Octopilot.Planner.Lateral;

/// <summary>
/// The ego lane's centre line in the ego frame (ISO 8855: x forward, y left, origin on the ground under the rear axle)
/// as the polynomial y(x) = c0 + c1·x + c2·x² + c3·x³, with the producer's confidence. <c>default</c> is "no lane"
/// (<see cref="IsPresent"/> false). For a lane fitted by <c>Octopilot.Fusion.Lanes.LaneFitter</c> the centre is the
/// mean of the ego lane's two boundary polynomials and <see cref="ConfidenceUnit"/> is <c>LaneEstimate.Confidence</c>.
/// </summary>
public readonly struct LaneCentreLine
{
    public LaneCentreLine(double c0M, double c1, double c2PerM, double c3PerM2, double confidenceUnit)
    {
        C0M = c0M;
        C1 = c1;
        C2PerM = c2PerM;
        C3PerM2 = c3PerM2;
        ConfidenceUnit = confidenceUnit;
        IsPresent = true;
    }

    /// <summary>Lateral position of the centre at x = 0, m, positive left (= −ego offset from the centre).</summary>
    public double C0M { get; }

    /// <summary>Slope at x = 0 (tan of the lane heading relative to the ego), 1.</summary>
    public double C1 { get; }

    /// <summary>Half the curvature at x = 0, 1/m (a left curve of radius R has c2 ≈ 1/(2R)).</summary>
    public double C2PerM { get; }

    /// <summary>Curvature change, 1/m² (a sixth of dκ/dx); 0 for a quadratic fit.</summary>
    public double C3PerM2 { get; }

    /// <summary>How much to trust the line, 0..1.</summary>
    public double ConfidenceUnit { get; }

    /// <summary>A lane was found this frame; false = lanes lost.</summary>
    public bool IsPresent { get; }

    /// <summary>All four coefficients and the confidence are finite.</summary>
    public bool IsFinite => double.IsFinite(C0M) && double.IsFinite(C1) && double.IsFinite(C2PerM) && double.IsFinite(C3PerM2)
        && double.IsFinite(ConfidenceUnit);

    /// <summary>y(x), m.</summary>
    public double YAtM(double xM) => C0M + (xM * (C1 + (xM * (C2PerM + (xM * C3PerM2)))));

    /// <summary>Curvature of the line at x (small-slope form y''), 1/m, positive = bending left.</summary>
    public double CurvatureAtPerM(double xM) => (2 * C2PerM) + (6 * C3PerM2 * xM);
}

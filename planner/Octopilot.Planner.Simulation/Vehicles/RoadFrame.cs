namespace Octopilot.Planner.Simulation.Vehicles;

/// <summary>
/// The road's frame. Road coordinates: s = station along lane 0's centre (m), y = lateral offset to the left of it (m),
/// so lane i's centre is at y = −i·w (lane 0 leftmost, as the planner counts). Map frame: lane 0's centre passes
/// through the origin heading +x at s = 0; on a curve it is a circle of curvature <see cref="Lane0CurvaturePerM"/>
/// (a point at offset y lies on the concentric circle of curvature κ₀/(1 − κ₀y)). Straight: map = road coordinates.
/// </summary>
public readonly record struct RoadFrame(int LaneCount, double LaneWidthM, double Lane0CurvaturePerM)
{
    /// <summary>The frame of a road whose centre line has curvature <paramref name="centreCurvaturePerM"/>.</summary>
    public static RoadFrame ForCentreLine(int laneCount, double laneWidthM, double centreCurvaturePerM)
    {
        // Lane 0 lies (n − 1)·w/2 left of the centre line: radius 1/κ − that offset, on either hand.
        double lane0OffsetM = (laneCount - 1) * laneWidthM / 2;
        double lane0Curvature = centreCurvaturePerM / (1 - (centreCurvaturePerM * lane0OffsetM));
        return new RoadFrame(laneCount, laneWidthM, lane0Curvature);
    }

    public bool IsStraight => Lane0CurvaturePerM == 0;

    public double LaneCentreYM(int lane) => -lane * LaneWidthM;

    /// <summary>The lane containing lateral position <paramref name="yM"/> (clamped to the road): it changes when a line is crossed.</summary>
    public int LaneAt(double yM) => Math.Clamp((int)Math.Round(-yM / LaneWidthM), 0, LaneCount - 1);

    /// <summary>Path length per metre of station at offset <paramref name="yM"/>: 1 − κ₀y (inner lanes are shorter).</summary>
    public double PathScaleAt(double yM) => 1 - (Lane0CurvaturePerM * yM);

    /// <summary>Curvature of the line at offset <paramref name="yM"/>, 1/m, positive bending left.</summary>
    public double CurvatureAtPerM(double yM) => Lane0CurvaturePerM / PathScaleAt(yM);

    /// <summary>Road heading at station <paramref name="sM"/> in the map frame, rad.</summary>
    public double HeadingAtRad(double sM) => Lane0CurvaturePerM * sM;

    /// <summary>Map position and road heading of the road point (s, y).</summary>
    public (double XM, double YM, double HeadingRad) ToMap(double sM, double yM)
    {
        double k = Lane0CurvaturePerM;
        if (k == 0)
        {
            return (sM, yM, 0);
        }

        double angle = k * sM;
        (double sin, double cos) = Math.SinCos(angle);
        return ((sin / k) - (yM * sin), ((1 - cos) / k) + (yM * cos), angle);
    }

    /// <summary>Road coordinates of a map point; of the stations a full turn apart, the one nearest <paramref name="stationHintM"/>.</summary>
    public (double SM, double YM) FromMap(double xM, double yM, double stationHintM)
    {
        double k = Lane0CurvaturePerM;
        if (k == 0)
        {
            return (xM, yM);
        }

        // P − C = (1/k − y)(sin ks, −cos ks) with the circle's centre C = (0, 1/k); hence ks and 1 − ky = |k|·|P − C|.
        double qx = k * xM;
        double qy = k * (yM - (1 / k));
        double sM = Math.Atan2(qx, -qy) / k;
        // 1 − √A written as (1 − A)/(1 + √A) with 1 − A expanded: no cancellation however large the radius.
        double offsetM = ((2 * yM) - (k * ((yM * yM) + (xM * xM)))) / (1 + Math.Sqrt((qx * qx) + (qy * qy)));
        double turnM = 2 * Math.PI / Math.Abs(k);
        sM += Math.Round((stationHintM - sM) / turnM) * turnM;
        return (sM, offsetM);
    }
}

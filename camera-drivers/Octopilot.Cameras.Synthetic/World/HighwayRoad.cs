namespace Octopilot.Cameras.Synthetic;

/// <summary>
/// The road centreline as a constant-curvature arc in the world frame: station 0 lies at the world origin heading
/// along +x; curvature k bends it left (k &gt; 0, circle centre at (0, 1/k)) or right (k &lt; 0). Road coordinates are
/// the station s (arc length along the centreline) and the lateral offset d (left positive). Conversions both ways are
/// exact (closed form). Immutable and thread-safe.
/// </summary>
public sealed class HighwayRoad
{
    public HighwayRoad(RoadSpec spec)
    {
        Spec = spec;
        CurvaturePerM = spec.CurvaturePerM;
    }

    public RoadSpec Spec { get; }

    public double CurvaturePerM { get; }

    public bool IsStraight => CurvaturePerM == 0;

    /// <summary>Centre of the centreline's circle in the world frame, metres; meaningless when straight.</summary>
    public (double XM, double YM) CircleCentreM => (0, IsStraight ? 0 : 1 / CurvaturePerM);

    /// <summary>Heading of the centreline (and of every lane) at a station, radians.</summary>
    public double HeadingAtRad(double stationM) => CurvaturePerM * stationM;

    /// <summary>World pose of the road point (s, d), heading along the road.</summary>
    public Pose2D RoadToWorld(double stationM, double lateralM)
    {
        if (IsStraight)
        {
            return new Pose2D(stationM, lateralM, 0);
        }

        double k = CurvaturePerM;
        double theta = k * stationM;
        (double sin, double cos) = Math.SinCos(theta);
        double x = (sin / k) - (lateralM * sin);
        double y = ((1 - cos) / k) + (lateralM * cos);
        return new Pose2D(x, y, theta);
    }

    /// <summary>
    /// Road coordinates of a world point. On a curve the station is ambiguous by whole circumferences; the one
    /// nearest <paramref name="stationHintM"/> is returned. Points at the circle centre have no defined station.
    /// </summary>
    public RoadPoint WorldToRoad(double xM, double yM, double stationHintM = 0)
    {
        if (IsStraight)
        {
            return new RoadPoint(xM, yM);
        }

        // q = P − C = (1/k − d)(sin θ, −cos θ), hence θ = atan2(k·qx, −k·qy) and |k|·|q| = 1 − k·d.
        double k = CurvaturePerM;
        double qx = xM;
        double qy = yM - (1 / k);
        double theta = Math.Atan2(k * qx, -k * qy);
        double lateral = (1 - (Math.Abs(k) * Math.Sqrt((qx * qx) + (qy * qy)))) / k;
        double station = theta / k;
        double circumference = 2 * Math.PI / Math.Abs(k);
        station += Math.Round((stationHintM - station) / circumference) * circumference;
        return new RoadPoint(station, lateral);
    }
}

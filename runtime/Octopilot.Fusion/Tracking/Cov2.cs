namespace Octopilot.Fusion.Tracking;

/// <summary>A symmetric 2x2 position covariance, m².</summary>
internal readonly struct Cov2
{
    public Cov2(double xx, double xy, double yy)
    {
        Xx = xx;
        Xy = xy;
        Yy = yy;
    }

    public double Xx { get; }

    public double Xy { get; }

    public double Yy { get; }

    /// <summary>
    /// Camera measurement noise at (x, y): σ_r = <see cref="RadialSigmaM"/> along the ray (depth), σ_t = floor + angle·range
    /// across it, rotated from (ray, across) into ego axes: R = Rot(b)·diag(σ_r², σ_t²)·Rot(b)ᵀ with bearing b. The
    /// ray starts at the ego origin, not at the camera: the cameras sit within 2 m of it, which changes the bearing
    /// by under a degree beyond 10 m.
    /// </summary>
    /// <summary>
    /// σ_r of a camera measurement at <paramref name="rangeM"/>: floor + fraction·range + growth·range², m. The square
    /// term is a ground-contact range's: a box bottom off by δv px moves the range by range²·δv / (focal px · camera height).
    /// </summary>
    public static double RadialSigmaM(double rangeM, ObjectTrackerOptions options) =>
        options.NoiseFloorM + (options.RadialNoiseFractionOfRange * rangeM) + (options.RadialNoiseGrowthPerM * rangeM * rangeM);

    public static Cov2 FromRange(double xM, double yM, ObjectTrackerOptions options)
    {
        double range = Math.Sqrt((xM * xM) + (yM * yM));
        double radial = RadialSigmaM(range, options);
        double tangential = options.NoiseFloorM + (options.TangentialNoiseRad * range);
        double vr = radial * radial;
        double vt = tangential * tangential;
        if (range < 1e-6)
        {
            return new Cov2(vr, 0, vr);
        }

        double c = xM / range;
        double s = yM / range;
        return new Cov2((c * c * vr) + (s * s * vt), c * s * (vr - vt), (s * s * vr) + (c * c * vt));
    }
}

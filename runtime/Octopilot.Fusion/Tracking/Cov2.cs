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
    /// Camera measurement noise at (x, y): σ_r = floor + fraction·range along the ray (depth), σ_t = floor + angle·range
    /// across it, rotated from (ray, across) into ego axes: R = Rot(b)·diag(σ_r², σ_t²)·Rot(b)ᵀ with bearing b. The
    /// ray starts at the ego origin, not at the camera: the cameras sit within 2 m of it, which changes the bearing
    /// by under a degree beyond 10 m.
    /// </summary>
    public static Cov2 FromRange(double xM, double yM, ObjectTrackerOptions options)
    {
        double range = Math.Sqrt((xM * xM) + (yM * yM));
        double radial = options.NoiseFloorM + (options.RadialNoiseFractionOfRange * range);
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

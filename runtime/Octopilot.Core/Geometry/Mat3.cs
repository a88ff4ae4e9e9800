namespace Octopilot.Core.Geometry;

/// <summary>A row-major 3x3 matrix in double precision, used for rotations and camera matrices.</summary>
public readonly record struct Mat3(
    double M00, double M01, double M02,
    double M10, double M11, double M12,
    double M20, double M21, double M22)
{
    public static Mat3 Identity => new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    /// <summary>Builds a matrix from its three columns.</summary>
    public static Mat3 FromColumns(Vec3 c0, Vec3 c1, Vec3 c2) =>
        new(c0.X, c1.X, c2.X, c0.Y, c1.Y, c2.Y, c0.Z, c1.Z, c2.Z);

    /// <summary>Rotation about +Z (yaw, counter-clockwise seen from above).</summary>
    public static Mat3 RotationZ(double angleRad)
    {
        double c = Math.Cos(angleRad), s = Math.Sin(angleRad);
        return new(c, -s, 0, s, c, 0, 0, 0, 1);
    }

    /// <summary>Rotation about +Y. In the ISO 8855 ego frame (y left) a positive angle tips +X downwards.</summary>
    public static Mat3 RotationY(double angleRad)
    {
        double c = Math.Cos(angleRad), s = Math.Sin(angleRad);
        return new(c, 0, s, 0, 1, 0, -s, 0, c);
    }

    /// <summary>Rotation about +X (roll).</summary>
    public static Mat3 RotationX(double angleRad)
    {
        double c = Math.Cos(angleRad), s = Math.Sin(angleRad);
        return new(1, 0, 0, 0, c, -s, 0, s, c);
    }

    /// <summary>Rotation from a unit quaternion (w, x, y, z), the nuScenes convention.</summary>
    public static Mat3 FromQuaternion(double w, double x, double y, double z)
    {
        return new(
            1 - (2 * ((y * y) + (z * z))), 2 * ((x * y) - (z * w)), 2 * ((x * z) + (y * w)),
            2 * ((x * y) + (z * w)), 1 - (2 * ((x * x) + (z * z))), 2 * ((y * z) - (x * w)),
            2 * ((x * z) - (y * w)), 2 * ((y * z) + (x * w)), 1 - (2 * ((x * x) + (y * y))));
    }

    public Vec3 Row0 => new(M00, M01, M02);

    public Vec3 Row1 => new(M10, M11, M12);

    public Vec3 Row2 => new(M20, M21, M22);

    public Vec3 Column0 => new(M00, M10, M20);

    public Vec3 Column1 => new(M01, M11, M21);

    public Vec3 Column2 => new(M02, M12, M22);

    public static Vec3 operator *(Mat3 m, Vec3 v) => new(m.Row0.Dot(v), m.Row1.Dot(v), m.Row2.Dot(v));

    public static Mat3 operator *(Mat3 a, Mat3 b) => new(
        a.Row0.Dot(b.Column0), a.Row0.Dot(b.Column1), a.Row0.Dot(b.Column2),
        a.Row1.Dot(b.Column0), a.Row1.Dot(b.Column1), a.Row1.Dot(b.Column2),
        a.Row2.Dot(b.Column0), a.Row2.Dot(b.Column1), a.Row2.Dot(b.Column2));

    public Mat3 Transposed() => new(M00, M10, M20, M01, M11, M21, M02, M12, M22);

    public double Determinant =>
        (M00 * ((M11 * M22) - (M12 * M21))) - (M01 * ((M10 * M22) - (M12 * M20))) + (M02 * ((M10 * M21) - (M11 * M20)));

    /// <summary>Largest absolute entry of R·Rᵀ − I: zero for a perfect rotation.</summary>
    public double OrthonormalityError()
    {
        Mat3 p = this * Transposed();
        return Math.Max(
            Math.Max(Math.Max(Math.Abs(p.M00 - 1), Math.Abs(p.M11 - 1)), Math.Max(Math.Abs(p.M22 - 1), Math.Abs(p.M01))),
            Math.Max(Math.Max(Math.Abs(p.M02), Math.Abs(p.M12)), Math.Max(Math.Abs(p.M10), Math.Max(Math.Abs(p.M20), Math.Abs(p.M21)))));
    }
}

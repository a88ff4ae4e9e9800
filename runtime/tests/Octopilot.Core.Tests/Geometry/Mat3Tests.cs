using Octopilot.Core.Geometry;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Geometry;

public class Mat3Tests
{
    [Theory]
    [InlineData(1, 0, 0, 30)]
    [InlineData(0, 1, 0, -75)]
    [InlineData(0.3, -0.5, 0.8, 123)]
    [InlineData(1, 1, 1, 179)]
    public void FromQuaternion_UnitQuaternion_MatchesAxisAngleByRodrigues(double ax, double ay, double az, double angleDeg)
    {
        Vec3 n = new Vec3(ax, ay, az).Normalized();
        double angle = angleDeg * Cameras.DegToRad;
        double s = Math.Sin(angle / 2);

        Mat3 fromQuaternion = Mat3.FromQuaternion(Math.Cos(angle / 2), n.X * s, n.Y * s, n.Z * s);

        GeometryAssert.Equal(Rodrigues(n, angle), fromQuaternion, 1e-14);
    }

    [Fact]
    public void FromQuaternion_NinetyDegreesAboutZ_EqualsRotationZ()
    {
        double h = Math.Sqrt(0.5);

        GeometryAssert.Equal(Mat3.RotationZ(Math.PI / 2), Mat3.FromQuaternion(h, 0, 0, h), 1e-15);
    }

    [Fact]
    public void RotationZ_QuarterTurn_TurnsXIntoY()
    {
        GeometryAssert.Equal(new Vec3(0, 1, 0), Mat3.RotationZ(Math.PI / 2) * new Vec3(1, 0, 0), 1e-15);
        GeometryAssert.Equal(new Vec3(0, 0, 1), Mat3.RotationX(Math.PI / 2) * new Vec3(0, 1, 0), 1e-15);
        GeometryAssert.Equal(new Vec3(0, 0, -1), Mat3.RotationY(Math.PI / 2) * new Vec3(1, 0, 0), 1e-15);
    }

    [Fact]
    public void Transposed_OfRotation_IsItsInverse()
    {
        Mat3 r = Mat3.RotationZ(0.4) * Mat3.RotationY(-1.1) * Mat3.RotationX(2.0);

        GeometryAssert.Equal(Mat3.Identity, r * r.Transposed(), 1e-15);
        GeometryAssert.Equal(Mat3.Identity, r.Transposed() * r, 1e-15);
    }

    [Fact]
    public void Multiply_ByHand_MatchesRowTimesColumn()
    {
        var a = new Mat3(1, 2, 3, 4, 5, 6, 7, 8, 9);
        var b = new Mat3(9, 8, 7, 6, 5, 4, 3, 2, 1);

        Assert.Equal(new Mat3(30, 24, 18, 84, 69, 54, 138, 114, 90), a * b);
        Assert.Equal(new Vec3(14, 32, 50), a * new Vec3(1, 2, 3));
    }

    [Fact]
    public void OrthonormalityError_Rotation_IsZero()
    {
        Assert.Equal(0, Mat3.Identity.OrthonormalityError());
        Assert.True(Mat3.RotationZ(1.0).OrthonormalityError() < 1e-15);
    }

    [Fact]
    public void OrthonormalityError_ScaledOrSheared_IsLargestDeviation()
    {
        // 1.01·I: R·Rᵀ = 1.0201·I, error 0.0201. Shear: off-diagonal 0.1 gives R·Rᵀ[0,0] = 1.01 and [0,1] = 0.1.
        var scaled = new Mat3(1.01, 0, 0, 0, 1.01, 0, 0, 0, 1.01);
        var sheared = new Mat3(1, 0.1, 0, 0, 1, 0, 0, 0, 1);

        Assert.Equal(0.0201, scaled.OrthonormalityError(), 12);
        Assert.Equal(0.1, sheared.OrthonormalityError(), 12);
    }

    [Fact]
    public void Determinant_Reflection_IsMinusOne()
    {
        var reflection = new Mat3(1, 0, 0, 0, 1, 0, 0, 0, -1);

        Assert.Equal(-1, reflection.Determinant);
        Assert.Equal(0, reflection.OrthonormalityError());
        Assert.Equal(-2, new Mat3(2, 0, 0, 0, 0, 1, 0, 1, 0).Determinant);
    }

    private static Mat3 Rodrigues(Vec3 n, double angle)
    {
        // R = cos·I + sin·[n]× + (1 − cos)·n·nᵀ
        double c = Math.Cos(angle), s = Math.Sin(angle), t = 1 - c;
        return new Mat3(
            c + (t * n.X * n.X), (t * n.X * n.Y) - (s * n.Z), (t * n.X * n.Z) + (s * n.Y),
            (t * n.X * n.Y) + (s * n.Z), c + (t * n.Y * n.Y), (t * n.Y * n.Z) - (s * n.X),
            (t * n.X * n.Z) - (s * n.Y), (t * n.Y * n.Z) + (s * n.X), c + (t * n.Z * n.Z));
    }
}

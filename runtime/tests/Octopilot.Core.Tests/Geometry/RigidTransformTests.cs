using Octopilot.Core.Geometry;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Geometry;

public class RigidTransformTests
{
    private static readonly RigidTransform CameraToEgo =
        new(CameraAxes.FromYawPitchRoll(0.9, 0.1, -0.05), new Vec3(1.2, 0.88, 1.25));

    [Fact]
    public void Inverse_AppliedAfterTransform_ReturnsOriginalPoint()
    {
        var point = new Vec3(-3.5, 12.25, 0.4);

        Vec3 back = CameraToEgo.Inverse().Apply(CameraToEgo.Apply(point));

        GeometryAssert.Equal(point, back, 1e-12);
    }

    [Fact]
    public void Inverse_OfCameraToEgo_MapsCameraPositionToOrigin()
    {
        GeometryAssert.Equal(Vec3.Zero, CameraToEgo.Inverse().Apply(CameraToEgo.TranslationM), 1e-14);
    }

    [Fact]
    public void Apply_ByHand_RotatesThenTranslates()
    {
        var yawLeft = new RigidTransform(Mat3.RotationZ(Math.PI / 2), new Vec3(10, 0, 1));

        GeometryAssert.Equal(new Vec3(10, 2, 1), yawLeft.Apply(new Vec3(2, 0, 0)), 1e-15);
        GeometryAssert.Equal(new Vec3(0, 2, 0), yawLeft.ApplyToDirection(new Vec3(2, 0, 0)), 1e-15);
    }

    [Fact]
    public void ApplyToDirection_IgnoresTranslation()
    {
        Vec3 direction = new(0, 0, 1);

        GeometryAssert.Equal(CameraToEgo.Rotation * direction, CameraToEgo.ApplyToDirection(direction), 0);
    }

    [Fact]
    public void Inverse_Identity_IsIdentity()
    {
        Assert.Equal(RigidTransform.Identity.Rotation, RigidTransform.Identity.Inverse().Rotation);
        GeometryAssert.Equal(Vec3.Zero, RigidTransform.Identity.Inverse().TranslationM, 0);
    }
}

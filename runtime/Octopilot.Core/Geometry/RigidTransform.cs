namespace Octopilot.Core.Geometry;

/// <summary>
/// A rotation plus translation mapping points from a source frame into a target frame:
/// p_target = Rotation · p_source + TranslationM. For a camera's extrinsics the source is the
/// camera frame (x right, y down, z forward) and the target is the ISO 8855 ego frame.
/// </summary>
public readonly record struct RigidTransform(Mat3 Rotation, Vec3 TranslationM)
{
    public static RigidTransform Identity => new(Mat3.Identity, Vec3.Zero);

    public Vec3 Apply(Vec3 point) => (Rotation * point) + TranslationM;

    public Vec3 ApplyToDirection(Vec3 direction) => Rotation * direction;

    /// <summary>The inverse transform (valid when Rotation is orthonormal, which calibration validation enforces).</summary>
    public RigidTransform Inverse()
    {
        Mat3 rt = Rotation.Transposed();
        return new RigidTransform(rt, -(rt * TranslationM));
    }
}

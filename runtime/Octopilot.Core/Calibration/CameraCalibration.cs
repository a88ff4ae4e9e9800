using Octopilot.Core.Geometry;

namespace Octopilot.Core.Calibration;

/// <summary>
/// One camera of the rig: name, intrinsics and camera-to-ego extrinsics. Immutable; built by the rig loader,
/// which has already checked that the numbers make a valid camera.
/// </summary>
public sealed class CameraCalibration
{
    private readonly RigidTransform _egoToCamera;

    public CameraCalibration(string name, CameraIntrinsics intrinsics, RigidTransform cameraToEgo)
    {
        Name = name;
        Intrinsics = intrinsics;
        CameraToEgo = cameraToEgo;
        _egoToCamera = cameraToEgo.Inverse();
    }

    public string Name { get; }

    public CameraIntrinsics Intrinsics { get; }

    public RigidTransform CameraToEgo { get; }

    public RigidTransform EgoToCamera => _egoToCamera;

    /// <summary>Camera optical centre in the ego frame, metres.</summary>
    public Vec3 PositionInEgoM => CameraToEgo.TranslationM;

    /// <summary>This camera at another resolution of the same aspect ratio (see <see cref="CameraIntrinsics.ScaledTo"/>).</summary>
    public CameraCalibration ScaledTo(int widthPx, int heightPx) =>
        new(Name, Intrinsics.ScaledTo(widthPx, heightPx), CameraToEgo);

    /// <summary>
    /// Projects a point in the ego frame to pixel coordinates. Returns false when the point is behind the
    /// camera (z ≤ 1 cm); the pixel may still lie outside the image, which the caller checks.
    /// </summary>
    public bool TryProjectEgoPoint(Vec3 pointEgoM, out double uPx, out double vPx)
    {
        Vec3 c = _egoToCamera.Apply(pointEgoM);
        return TryProjectCameraPoint(c, out uPx, out vPx);
    }

    /// <summary>Projects a point already in this camera's frame (x right, y down, z forward).</summary>
    public bool TryProjectCameraPoint(Vec3 pointCameraM, out double uPx, out double vPx)
    {
        if (pointCameraM.Z <= 0.01)
        {
            uPx = vPx = double.NaN;
            return false;
        }

        (double xd, double yd) = Intrinsics.Distortion.Distort(pointCameraM.X / pointCameraM.Z, pointCameraM.Y / pointCameraM.Z);
        uPx = (Intrinsics.FxPx * xd) + Intrinsics.CxPx;
        vPx = (Intrinsics.FyPx * yd) + Intrinsics.CyPx;
        return true;
    }

    /// <summary>Unit ray through pixel (u, v) in the camera frame (z forward), distortion removed.</summary>
    public Vec3 PixelToCameraRay(double uPx, double vPx) => PixelToNormalizedPoint(uPx, vPx).Normalized();

    /// <summary>
    /// Ego position of the point seen at pixel (u, v) at <paramref name="depthM"/> metres along the camera's optical
    /// axis (camera z, not the length of the ray): the inverse a detection with a depth output needs. Distortion is removed.
    /// The caller checks depth &gt; 0; a point behind the camera has no pixel to come from.
    /// </summary>
    public Vec3 PixelDepthToEgo(double uPx, double vPx, double depthM) =>
        CameraToEgo.Apply(PixelToNormalizedPoint(uPx, vPx) * depthM);

    /// <summary>The point on the undistorted ray through (u, v) at camera z = 1.</summary>
    private Vec3 PixelToNormalizedPoint(double uPx, double vPx)
    {
        (double x, double y) = Intrinsics.Distortion.Undistort(
            (uPx - Intrinsics.CxPx) / Intrinsics.FxPx, (vPx - Intrinsics.CyPx) / Intrinsics.FyPx);
        return new Vec3(x, y, 1);
    }

    /// <summary>Unit ray through pixel (u, v) expressed in the ego frame.</summary>
    public Vec3 PixelToEgoRay(double uPx, double vPx) => CameraToEgo.ApplyToDirection(PixelToCameraRay(uPx, vPx));

    /// <summary>
    /// Where the ray through pixel (u, v) meets the flat ground z = 0 of the ego frame.
    /// Returns false for pixels at or above the horizon.
    /// </summary>
    public bool TryPixelToGround(double uPx, double vPx, out Vec3 groundPointEgoM)
    {
        Vec3 ray = PixelToEgoRay(uPx, vPx);
        Vec3 origin = PositionInEgoM;
        if (ray.Z >= -1e-9)
        {
            groundPointEgoM = default;
            return false;
        }

        groundPointEgoM = origin + (ray * (-origin.Z / ray.Z));
        return true;
    }
}

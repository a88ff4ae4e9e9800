namespace Octopilot.Core.Geometry;

/// <summary>
/// Builds camera-to-ego rotations from mounting angles. Camera frame: x right, y down, z forward.
/// Ego frame (ISO 8855): x forward, y left, z up. A camera with zero angles looks along ego +x.
/// </summary>
public static class CameraAxes
{
    /// <summary>Camera-to-ego rotation of a camera looking straight ahead: cam z→ego x, cam x→ego −y, cam y→ego −z.</summary>
    public static Mat3 ForwardLooking { get; } = Mat3.FromColumns(new Vec3(0, -1, 0), new Vec3(0, 0, -1), new Vec3(1, 0, 0));

    /// <summary>
    /// Camera-to-ego rotation from mounting angles in radians: yaw about ego z (left positive),
    /// pitch about ego y (positive looks down), roll about the optical axis (positive turns the image clockwise).
    /// </summary>
    public static Mat3 FromYawPitchRoll(double yawRad, double pitchRad, double rollRad) =>
        Mat3.RotationZ(yawRad) * Mat3.RotationY(pitchRad) * Mat3.RotationX(rollRad) * ForwardLooking;
}

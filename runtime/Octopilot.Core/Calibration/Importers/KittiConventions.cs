using Octopilot.Core.Geometry;

namespace Octopilot.Core.Calibration.Importers;

/// <summary>
/// Where the KITTI importers put the ego frame, and the mounting numbers they need that KITTI calibration files do
/// not contain. KITTI has no vehicle frame with its origin on the ground: its Velodyne frame is x forward, y left,
/// z up (ISO 8855 axes) but sits on the roof. The KITTI ego frame here is therefore the Velodyne frame moved down
/// by <see cref="VelodyneHeightM"/>: origin on the (assumed flat) ground directly below the Velodyne, not under the
/// rear axle as for our own rigs. BEV ranges from a KITTI rig are relative to that point.
/// Source of the numbers: the KITTI sensor set-up (Geiger et al., "Vision meets Robotics: The KITTI Dataset",
/// IJRR 2013, Fig. 3): Velodyne 1.73 m above the ground, cameras 1.65 m, camera 0 0.27 m ahead of the Velodyne.
/// </summary>
public static class KittiConventions
{
    /// <summary>Height of the Velodyne origin above the ground, metres: the ground plane is z = −1.73 m in Velodyne coordinates.</summary>
    public const double VelodyneHeightM = 1.73;

    /// <summary>Nominal height of the camera 0 optical centre above the ground, metres.</summary>
    public const double ReferenceCameraHeightM = 1.65;

    /// <summary>Nominal distance of camera 0 ahead of the Velodyne, metres.</summary>
    public const double ReferenceCameraForwardM = 0.27;

    /// <summary>
    /// Camera 0 (unrectified) to ego for files that carry no camera-to-Velodyne transform (the raw
    /// <c>calib_cam_to_cam.txt</c>): looking straight ahead at the nominal mounting. Accurate to a few centimetres
    /// and about a degree; pass the day's <c>calib_velo_to_cam.txt</c> pose instead when it is available.
    /// </summary>
    public static RigidTransform NominalReferenceCameraToEgo { get; } =
        new(CameraAxes.ForwardLooking, new Vec3(ReferenceCameraForwardM, 0, ReferenceCameraHeightM));

    /// <summary>Velodyne frame to KITTI ego frame: a shift up by <paramref name="velodyneHeightM"/>.</summary>
    public static RigidTransform VelodyneToEgo(double velodyneHeightM = VelodyneHeightM) =>
        new(Mat3.Identity, new Vec3(0, 0, velodyneHeightM));

    /// <summary><paramref name="outer"/> after <paramref name="inner"/>: p ↦ outer(inner(p)).</summary>
    internal static RigidTransform Compose(RigidTransform outer, RigidTransform inner) =>
        new(outer.Rotation * inner.Rotation, (outer.Rotation * inner.TranslationM) + outer.TranslationM);
}

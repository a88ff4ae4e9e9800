using Octopilot.Core.Geometry;

namespace Octopilot.Core.Calibration.Importers;

/// <summary>
/// Imports a KITTI object-benchmark <c>calib/NNNNNN.txt</c>: P0..P3 (rectified 3x4 projections), R0_rect and
/// Tr_velo_to_cam. Cameras are named <c>image_0</c>..<c>image_3</c> after the benchmark's image folders
/// (<c>image_2</c> is the left colour camera the labels are drawn on).
/// <para>
/// Chain, camera i to ego: x_ref = x_i − b_i (b_i = K⁻¹·P_i[:,3], the rectified cameras share one orientation),
/// x_cam0 = R0_rectᵀ·x_ref, x_velo = Tr_velo_to_cam⁻¹·x_cam0, x_ego = x_velo + (0, 0, velodyne height)
/// (see <see cref="KittiConventions"/>). P0 has b = 0, so camera <c>image_0</c>'s frame is the rectified reference
/// frame the KITTI labels use: <c>rig["image_0"].CameraToEgo</c> maps label coordinates to ego.
/// The file has no image size (it varies per drive: 1242x375, 1224x370, …), so the caller passes it.
/// </para>
/// </summary>
public static class KittiObjectCalibImporter
{
    public const int CameraCount = 4;

    public static CameraRig Load(string path, int imageWidthPx, int imageHeightPx, double velodyneHeightM = KittiConventions.VelodyneHeightM) =>
        Build(KittiCalibText.Load(path), imageWidthPx, imageHeightPx, velodyneHeightM);

    public static CameraRig LoadText(string fileNameForMessages, string text, int imageWidthPx, int imageHeightPx,
        double velodyneHeightM = KittiConventions.VelodyneHeightM) =>
        Build(KittiCalibText.Parse(fileNameForMessages, text), imageWidthPx, imageHeightPx, velodyneHeightM);

    private static CameraRig Build(KittiCalibText calib, int widthPx, int heightPx, double velodyneHeightM)
    {
        RigRules.RequireImageSize(calib.File, "(image width argument)", widthPx);
        RigRules.RequireImageSize(calib.File, "(image height argument)", heightPx);
        Mat3 r0 = calib.Rotation("R0_rect");
        RigidTransform velodyneToCamera0 = calib.Transform3x4("Tr_velo_to_cam");
        RigidTransform referenceToEgo = KittiConventions.Compose(
            KittiConventions.VelodyneToEgo(velodyneHeightM),
            KittiConventions.Compose(velodyneToCamera0.Inverse(), new RigidTransform(r0.Transposed(), Vec3.Zero)));

        var cameras = new CameraCalibration[CameraCount];
        for (int i = 0; i < CameraCount; i++)
        {
            string key = $"P{i}";
            (Mat3 k, Vec3 offsetM) = calib.RectifiedProjection(key);
            var intrinsics = new CameraIntrinsics(k.M00, k.M11, k.M02, k.M12, LensDistortion.None, widthPx, heightPx);
            RigRules.RequireValidIntrinsics(calib.File, key, intrinsics);
            RigidTransform cameraToEgo = KittiConventions.Compose(referenceToEgo, new RigidTransform(Mat3.Identity, -offsetM));
            RigRules.RequireAboveGround(calib.File, $"{key} + Tr_velo_to_cam (camera position with the Velodyne {velodyneHeightM} m up)",
                cameraToEgo.TranslationM);
            cameras[i] = new CameraCalibration($"image_{i}", intrinsics, cameraToEgo);
        }

        return new CameraRig($"kitti-object-{Path.GetFileNameWithoutExtension(calib.File)}", cameras);
    }
}

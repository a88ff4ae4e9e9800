using Octopilot.Core.Geometry;

namespace Octopilot.Core.Calibration.Importers;

/// <summary>
/// Imports a KITTI raw <c>calib_cam_to_cam.txt</c> (one recording day, cameras 00..03, named <c>image_00</c>..
/// <c>image_03</c> after the raw folders). The file relates the cameras to camera 00 only; where camera 00 sits on
/// the car comes from <c>referenceCameraToEgo</c> (default <see cref="KittiConventions.NominalReferenceCameraToEgo"/>).
/// <list type="bullet">
/// <item><see cref="KittiRawImages.Unrectified"/>: K_xx, D_xx, S_xx; x_xx = R_xx·x_00 + T_xx.</item>
/// <item><see cref="KittiRawImages.Rectified"/>: P_rect_xx, S_rect_xx; x_rect_xx = R_rect_00·x_00 + b_xx with
/// b_xx = K⁻¹·P_rect_xx[:,3] (all rectified cameras share R_rect_00's orientation, as in the KITTI devkit).</item>
/// </list>
/// </summary>
public static class KittiRawCalibImporter
{
    /// <summary>KITTI raw rigs have cameras 00..03; the loader reads consecutive ones from 00 up to this many.</summary>
    public const int MaxCameras = 4;

    public static CameraRig Load(string path, KittiRawImages images) =>
        Build(KittiCalibText.Load(path), images, KittiConventions.NominalReferenceCameraToEgo);

    public static CameraRig Load(string path, KittiRawImages images, RigidTransform referenceCameraToEgo) =>
        Build(KittiCalibText.Load(path), images, referenceCameraToEgo);

    public static CameraRig LoadText(string fileNameForMessages, string text, KittiRawImages images) =>
        Build(KittiCalibText.Parse(fileNameForMessages, text), images, KittiConventions.NominalReferenceCameraToEgo);

    private static CameraRig Build(KittiCalibText calib, KittiRawImages images, RigidTransform referenceCameraToEgo)
    {
        RigRules.RequireRotation(calib.File, "(reference camera pose argument)", referenceCameraToEgo.Rotation);
        string probe = images == KittiRawImages.Rectified ? "P_rect_00" : "K_00";
        if (!calib.Has(probe))
        {
            throw calib.Error(probe, "is required (camera 00 is the reference of the rig)");
        }

        var cameras = new List<CameraCalibration>(MaxCameras);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < MaxCameras; i++)
        {
            string id = i.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            if (!calib.Has(images == KittiRawImages.Rectified ? $"P_rect_{id}" : $"K_{id}"))
            {
                break;
            }

            CameraCalibration camera = images == KittiRawImages.Rectified
                ? Rectified(calib, id, referenceCameraToEgo)
                : Unrectified(calib, id, referenceCameraToEgo);
            RigRules.RequireUniqueName(seen, calib.File, id, camera.Name);
            cameras.Add(camera);
        }

        string kind = images == KittiRawImages.Rectified ? "rect" : "raw";
        return new CameraRig($"kitti-{kind}-{Path.GetFileNameWithoutExtension(calib.File)}", cameras);
    }

    private static CameraCalibration Rectified(KittiCalibText calib, string id, RigidTransform referenceCameraToEgo)
    {
        string pKey = $"P_rect_{id}";
        (Mat3 k, Vec3 offsetM) = calib.RectifiedProjection(pKey);
        (int width, int height) = Size(calib, $"S_rect_{id}");
        var intrinsics = new CameraIntrinsics(k.M00, k.M11, k.M02, k.M12, LensDistortion.None, width, height);
        RigRules.RequireValidIntrinsics(calib.File, pKey, intrinsics);

        Mat3 rRect = calib.Rotation("R_rect_00");
        var cameraToReference = new RigidTransform(rRect.Transposed(), rRect.Transposed() * -offsetM);
        return Finish(calib, pKey, $"image_{id}", intrinsics, KittiConventions.Compose(referenceCameraToEgo, cameraToReference));
    }

    private static CameraCalibration Unrectified(KittiCalibText calib, string id, RigidTransform referenceCameraToEgo)
    {
        string kKey = $"K_{id}";
        Mat3 k = calib.Matrix3(kKey);
        calib.RequirePinhole(kKey, k);
        (int width, int height) = Size(calib, $"S_{id}");
        double[] d = calib.Numbers($"D_{id}", 5);
        var intrinsics = new CameraIntrinsics(k.M00, k.M11, k.M02, k.M12, new LensDistortion(d[0], d[1], d[2], d[3], d[4]), width, height);
        RigRules.RequireValidIntrinsics(calib.File, kKey, intrinsics);

        Mat3 r = calib.Rotation($"R_{id}");
        double[] t = calib.Numbers($"T_{id}", 3);
        var referenceToCamera = new RigidTransform(r, new Vec3(t[0], t[1], t[2]));
        return Finish(calib, kKey, $"image_{id}", intrinsics, KittiConventions.Compose(referenceCameraToEgo, referenceToCamera.Inverse()));
    }

    private static CameraCalibration Finish(KittiCalibText calib, string key, string name, CameraIntrinsics intrinsics, RigidTransform cameraToEgo)
    {
        RigRules.RequireAboveGround(calib.File, $"{key} (camera position in ego)", cameraToEgo.TranslationM);
        return new CameraCalibration(name, intrinsics, cameraToEgo);
    }

    private static (int Width, int Height) Size(KittiCalibText calib, string key)
    {
        double[] s = calib.Numbers(key, 2);
        try
        {
            RigRules.RequireImageSize(calib.File, key, s[0]);
            RigRules.RequireImageSize(calib.File, key, s[1]);
        }
        catch (Octopilot.Core.Configuration.ConfigException e)
        {
            throw calib.Error(key, e.Rule, e.Actual);
        }

        return ((int)s[0], (int)s[1]);
    }
}

using System.Globalization;
using Octopilot.Core.Configuration;
using Octopilot.Core.Geometry;

namespace Octopilot.Core.Calibration.Importers;

/// <summary>
/// Imports an Argoverse 1 <c>vehicle_calibration_info.json</c>: <c>$.camera_data_[i]</c> is
/// <c>{ "key": "image_raw_&lt;camera&gt;", "value": { focal_length_x_px_, focal_length_y_px_, focal_center_x_px_,
/// focal_center_y_px_, skew_, distortion_coefficients_ [k1, k2, k3], vehicle_SE3_camera_ { rotation { coefficients
/// [w, x, y, z] }, translation [x, y, z] } } }</c>.
/// <para>
/// The file has no image sizes; they are fixed by the Argoverse 1 sensor suite (<see cref="RingImageWidthPx"/> …),
/// so only ring and stereo cameras are accepted. The three distortion coefficients are radial k1, k2, k3
/// (r², r⁴, r⁶; no tangential terms). The vehicle frame (x forward, y left, z up, z = 0 on the ground) is used as the
/// ego frame unchanged; the camera frame is ours (x right, y down, z forward). Cameras are ordered by
/// <see cref="CanonicalOrder"/>, not by the file, because copies of the same calibration list them in different
/// orders and the rig order is the batch order.
/// </para>
/// </summary>
public static class ArgoverseRigImporter
{
    /// <summary>Argoverse 1 ring camera image width, pixels (dataset documentation; 1920x1200).</summary>
    public const int RingImageWidthPx = 1920;

    /// <summary>Argoverse 1 ring camera image height, pixels.</summary>
    public const int RingImageHeightPx = 1200;

    /// <summary>Argoverse 1 stereo camera image width, pixels (2464x2056).</summary>
    public const int StereoImageWidthPx = 2464;

    /// <summary>Argoverse 1 stereo camera image height, pixels.</summary>
    public const int StereoImageHeightPx = 2056;

    private const string KeyPrefix = "image_raw_";

    /// <summary>Rig order: the seven ring cameras clockwise from the front, then the stereo pair.</summary>
    public static IReadOnlyList<string> CanonicalOrder { get; } =
    [
        "ring_front_center", "ring_front_right", "ring_side_right", "ring_rear_right",
        "ring_rear_left", "ring_side_left", "ring_front_left", "stereo_front_left", "stereo_front_right",
    ];

    public static CameraRig Load(string path) => Parse(JsonConfigNode.ParseFile(path));

    public static CameraRig LoadText(string fileNameForMessages, string json) => Parse(JsonConfigNode.Parse(fileNameForMessages, json));

    private static CameraRig Parse(JsonConfigNode root)
    {
        JsonConfigNode listNode = root.Child("camera_data_");
        IReadOnlyList<JsonConfigNode> items = listNode.Items();
        if (items.Count == 0 || items.Count > RigFile.MaxCameras)
        {
            throw listNode.Error($"must list 1..{RigFile.MaxCameras} cameras", items.Count.ToString(CultureInfo.InvariantCulture));
        }

        var cameras = new List<CameraCalibration>(items.Count);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonConfigNode item in items)
        {
            JsonConfigNode keyNode = item.Child("key");
            string key = keyNode.AsString();
            string name = key.StartsWith(KeyPrefix, StringComparison.Ordinal) ? key[KeyPrefix.Length..] : key;
            RigRules.RequireCameraName(keyNode.File, keyNode.Path, name);
            RigRules.RequireUniqueName(seen, keyNode.File, keyNode.Path, name);
            cameras.Add(ParseCamera(name, keyNode, item.Child("value")));
        }

        CameraCalibration[] ordered = cameras.OrderBy(c => RankOf(c.Name)).ToArray();
        return new CameraRig("argoverse", ordered);
    }

    /// <summary>Position in <see cref="CanonicalOrder"/>; names not in it go last, in file order (the sort is stable).</summary>
    private static int RankOf(string name)
    {
        for (int i = 0; i < CanonicalOrder.Count; i++)
        {
            if (CanonicalOrder[i] == name)
            {
                return i;
            }
        }

        return CanonicalOrder.Count;
    }

    private static CameraCalibration ParseCamera(string name, JsonConfigNode keyNode, JsonConfigNode node)
    {
        (int width, int height) = name.StartsWith("ring_", StringComparison.Ordinal) ? (RingImageWidthPx, RingImageHeightPx)
            : name.StartsWith("stereo_", StringComparison.Ordinal) ? (StereoImageWidthPx, StereoImageHeightPx)
            : throw keyNode.Error("must name a ring or stereo camera (image_raw_ring_* or image_raw_stereo_*): only their image sizes are known",
                $"\"{keyNode.AsString()}\"");

        JsonConfigNode skewNode = node.Child("skew_");
        if (skewNode.AsNumber() != 0)
        {
            throw skewNode.Error("skew must be 0: the camera model has no skew term", skewNode.Element.GetRawText());
        }

        double fx = Focal(node, "focal_length_x_px_");
        double fy = Focal(node, "focal_length_y_px_");
        double cx = node.Number("focal_center_x_px_");
        double cy = node.Number("focal_center_y_px_");
        JsonConfigNode distortionNode = node.Child("distortion_coefficients_");
        double[] k = distortionNode.Numbers(3);
        var intrinsics = new CameraIntrinsics(fx, fy, cx, cy, new LensDistortion(k[0], k[1], 0, 0, k[2]), width, height);
        RigRules.RequirePrincipalPoint(node.File, node.Path + ".focal_center_x_px_", cx, width);
        RigRules.RequirePrincipalPoint(node.File, node.Path + ".focal_center_y_px_", cy, height);
        RigRules.RequireInvertibleDistortion(distortionNode.File, distortionNode.Path, intrinsics.Distortion, fx, fy, cx, cy, width, height);

        JsonConfigNode pose = node.Child("vehicle_SE3_camera_");
        JsonConfigNode qNode = pose.Child("rotation").Child("coefficients");
        double[] q = qNode.Numbers(4);
        Mat3 rotation = RigRules.RotationFromQuaternion(qNode.File, qNode.Path, q[0], q[1], q[2], q[3]);
        JsonConfigNode tNode = pose.Child("translation");
        double[] t = tNode.Numbers(3);
        var translation = new Vec3(t[0], t[1], t[2]);
        RigRules.RequireAboveGround(tNode.File, tNode.Path, translation);
        return new CameraCalibration(name, intrinsics, new RigidTransform(rotation, translation));
    }

    private static double Focal(JsonConfigNode node, string key)
    {
        JsonConfigNode child = node.Child(key);
        double value = child.AsNumber();
        RigRules.RequireFocal(child.File, child.Path, value);
        return value;
    }
}

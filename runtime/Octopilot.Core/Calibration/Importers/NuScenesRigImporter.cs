using Octopilot.Core.Configuration;
using Octopilot.Core.Geometry;

namespace Octopilot.Core.Calibration.Importers;

/// <summary>
/// Imports the camera rig of one nuScenes sample from the mmdetection3d info format converted to JSON
/// (<c>sample_info.json</c> in shared/data/nuscenes-mini-sample). Per camera, under <c>$.cameras.&lt;NAME&gt;</c>:
/// <c>cam2img</c> (3x3 K), <c>image_size_wh</c>, and the nuScenes calibrated_sensor pose as
/// <c>cam2ego_translation</c> (metres) + <c>cam2ego_rotation_wxyz</c> (unit quaternion, camera → ego).
/// The 4x4 <c>cam2ego</c> in the same file is the same pose as a matrix and is not read.
/// <para>
/// Frames: the nuScenes ego frame (x forward, y left, z up, origin at the rear-axle centre; z = 0 is taken as the
/// ground, which is where nuScenes puts its ego poses) is ISO 8855
/// as used here, and its camera frame is ours (x right, y down, z forward), so the pose is taken unchanged.
/// nuScenes images are already undistorted: distortion is zero. Cameras keep file order (the batch order).
/// </para>
/// </summary>
public static class NuScenesRigImporter
{
    public static CameraRig Load(string path) => Parse(JsonConfigNode.ParseFile(path));

    public static CameraRig LoadText(string fileNameForMessages, string json) => Parse(JsonConfigNode.Parse(fileNameForMessages, json));

    private static CameraRig Parse(JsonConfigNode root)
    {
        string token = root.String("sample_token", Path.GetFileNameWithoutExtension(root.File));
        JsonConfigNode camerasNode = root.Child("cameras");
        IReadOnlyList<(string Key, JsonConfigNode Node)> members = ImportJson.Members(camerasNode);
        if (members.Count == 0 || members.Count > RigFile.MaxCameras)
        {
            throw camerasNode.Error($"must hold 1..{RigFile.MaxCameras} cameras", members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var cameras = new List<CameraCalibration>(members.Count);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, JsonConfigNode node) in members)
        {
            RigRules.RequireCameraName(node.File, node.Path, name);
            RigRules.RequireUniqueName(seen, node.File, node.Path, name);
            cameras.Add(ParseCamera(name, node));
        }

        return new CameraRig($"nuscenes-{token}", cameras);
    }

    private static CameraCalibration ParseCamera(string name, JsonConfigNode node)
    {
        JsonConfigNode kNode = node.Child("cam2img");
        Mat3 k = ImportJson.Matrix3(kNode);
        RigRules.RequirePinholeMatrix(kNode.File, kNode.Path, k);

        JsonConfigNode sizeNode = node.Child("image_size_wh");
        IReadOnlyList<JsonConfigNode> size = sizeNode.Items();
        if (size.Count != 2)
        {
            throw sizeNode.Error("must be [width, height] in pixels", $"{size.Count} items");
        }

        var intrinsics = new CameraIntrinsics(k.M00, k.M11, k.M02, k.M12, LensDistortion.None,
            ImportJson.ImageSize(size[0]), ImportJson.ImageSize(size[1]));
        RigRules.RequireValidIntrinsics(kNode.File, kNode.Path, intrinsics);

        JsonConfigNode qNode = node.Child("cam2ego_rotation_wxyz");
        double[] q = qNode.Numbers(4);
        Mat3 rotation = RigRules.RotationFromQuaternion(qNode.File, qNode.Path, q[0], q[1], q[2], q[3]);

        JsonConfigNode tNode = node.Child("cam2ego_translation");
        double[] t = tNode.Numbers(3);
        var translation = new Vec3(t[0], t[1], t[2]);
        RigRules.RequireAboveGround(tNode.File, tNode.Path, translation);
        return new CameraCalibration(name, intrinsics, new RigidTransform(rotation, translation));
    }
}

using System.Globalization;
using Octopilot.Core.Configuration;
using Octopilot.Core.Geometry;

namespace Octopilot.Core.Calibration;

/// <summary>
/// Loads and validates a rig file (JSON). Format, one object per camera in batch order:
/// <code>
/// { "name": "...", "cameras": [ {
///     "name": "main_forward",
///     "intrinsics": { "widthPx": 1280, "heightPx": 960, "fxPx": 1372, "fyPx": 1372, "cxPx": 639.5, "cyPx": 479.5,
///                     "distortion": [k1, k2, p1, p2, k3] },
///     "extrinsics": { "translationM": [x, y, z],
///                     "yawPitchRollDeg": [yaw, pitch, roll] | "rotationMatrix": [[...],[...],[...]] | "quaternionWxyz": [w, x, y, z] } } ] }
/// </code>
/// Extrinsics map camera to ego (ISO 8855, origin on the ground under the rear axle). Every rule broken raises a
/// <see cref="ConfigException"/> naming the file, the field and the rule; nothing half-valid gets through.
/// The rules themselves live in <see cref="RigRules"/>, shared with the importers of foreign formats (Importers/).
/// </summary>
public static class RigFile
{
    /// <summary>Largest camera count one rig may hold.</summary>
    public const int MaxCameras = 16;

    /// <summary>Tolerance on R·Rᵀ = I for a rotation matrix read from a file (six decimals is what calibration tools print).</summary>
    public const double OrthonormalityTolerance = 1e-5;

    /// <summary>Tolerance on |q| = 1 for a quaternion read from a file.</summary>
    public const double QuaternionNormTolerance = 1e-5;

    /// <summary>Lowest camera mounting height above the ground, metres: a lens below 5 cm is a sign error, not a mounting.</summary>
    public const double MinCameraHeightM = 0.05;

    public static CameraRig Load(string path) => Parse(JsonConfigNode.ParseFile(path));

    public static CameraRig LoadText(string fileNameForMessages, string json) => Parse(JsonConfigNode.Parse(fileNameForMessages, json));

    private static CameraRig Parse(JsonConfigNode root)
    {
        root.RejectUnknownKeys("name", "description", "cameras", "devices"); // devices: read by the V4L2 driver (V4l2RigDevices)
        string rigName = root.String("name", System.IO.Path.GetFileNameWithoutExtension(root.File));
        JsonConfigNode camerasNode = root.Child("cameras");
        IReadOnlyList<JsonConfigNode> items = camerasNode.Items();
        if (items.Count == 0 || items.Count > MaxCameras)
        {
            throw camerasNode.Error($"must list 1..{MaxCameras} cameras", items.Count.ToString(CultureInfo.InvariantCulture));
        }

        var cameras = new List<CameraCalibration>(items.Count);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonConfigNode item in items)
        {
            CameraCalibration camera = ParseCamera(item);
            RigRules.RequireUniqueName(seen, item.File, $"{item.Path}.name", camera.Name);
            cameras.Add(camera);
        }

        return new CameraRig(rigName, cameras);
    }

    private static CameraCalibration ParseCamera(JsonConfigNode node)
    {
        node.RejectUnknownKeys("name", "description", "intrinsics", "extrinsics");
        JsonConfigNode nameNode = node.Child("name");
        string name = nameNode.AsString();
        RigRules.RequireCameraName(nameNode.File, nameNode.Path, name);

        CameraIntrinsics intrinsics = ParseIntrinsics(node.Child("intrinsics"));
        RigidTransform cameraToEgo = ParseExtrinsics(node.Child("extrinsics"));
        return new CameraCalibration(name, intrinsics, cameraToEgo);
    }

    private static CameraIntrinsics ParseIntrinsics(JsonConfigNode node)
    {
        node.RejectUnknownKeys("widthPx", "heightPx", "fxPx", "fyPx", "cxPx", "cyPx", "distortion");
        int width = (int)Checked(node, "widthPx", (file, field, v) => RigRules.RequireImageSize(file, field, v));
        int height = (int)Checked(node, "heightPx", (file, field, v) => RigRules.RequireImageSize(file, field, v));
        double fx = Checked(node, "fxPx", RigRules.RequireFocal);
        double fy = Checked(node, "fyPx", RigRules.RequireFocal);
        double cx = Checked(node, "cxPx", (file, field, v) => RigRules.RequirePrincipalPoint(file, field, v, width));
        double cy = Checked(node, "cyPx", (file, field, v) => RigRules.RequirePrincipalPoint(file, field, v, height));
        var distortion = LensDistortion.None;
        if (node.OptionalChild("distortion") is JsonConfigNode d)
        {
            double[] k = d.Numbers(5);
            distortion = new LensDistortion(k[0], k[1], k[2], k[3], k[4]);
            RigRules.RequireInvertibleDistortion(d.File, d.Path, distortion, fx, fy, cx, cy, width, height);
        }

        return new CameraIntrinsics(fx, fy, cx, cy, distortion, width, height);
    }

    /// <summary>Reads a number and applies one shared rule to it; the rule names this node's file and field.</summary>
    private static double Checked(JsonConfigNode node, string key, Action<string, string, double> rule)
    {
        JsonConfigNode child = node.Child(key);
        double value = child.AsNumber();
        rule(child.File, child.Path, value);
        return value;
    }

    private static RigidTransform ParseExtrinsics(JsonConfigNode node)
    {
        node.RejectUnknownKeys("translationM", "yawPitchRollDeg", "rotationMatrix", "quaternionWxyz");
        JsonConfigNode translationNode = node.Child("translationM");
        double[] t = translationNode.Numbers(3);
        RigRules.RequireAboveGround(translationNode.File, translationNode.Path, new Vec3(t[0], t[1], t[2]));

        string[] rotationKeys = ["yawPitchRollDeg", "rotationMatrix", "quaternionWxyz"];
        string[] present = rotationKeys.Where(node.Has).ToArray();
        if (present.Length != 1)
        {
            throw node.Error(
                "must give the rotation exactly once, as one of yawPitchRollDeg, rotationMatrix, quaternionWxyz",
                present.Length == 0 ? "none" : string.Join(" + ", present));
        }

        Mat3 rotation = present[0] switch
        {
            "yawPitchRollDeg" => ParseYawPitchRoll(node.Child("yawPitchRollDeg")),
            "rotationMatrix" => ParseRotationMatrix(node.Child("rotationMatrix")),
            _ => ParseQuaternion(node.Child("quaternionWxyz")),
        };
        return new RigidTransform(rotation, new Vec3(t[0], t[1], t[2]));
    }

    private static Mat3 ParseYawPitchRoll(JsonConfigNode node)
    {
        double[] a = node.Numbers(3);
        if (Math.Abs(a[1]) > 90 || Math.Abs(a[2]) > 180 || Math.Abs(a[0]) > 360)
        {
            throw node.Error("yaw must be within ±360°, pitch within ±90°, roll within ±180°",
                FormattableString.Invariant($"[{a[0]}, {a[1]}, {a[2]}]"));
        }

        const double DegToRad = Math.PI / 180;
        return CameraAxes.FromYawPitchRoll(a[0] * DegToRad, a[1] * DegToRad, a[2] * DegToRad);
    }

    private static Mat3 ParseRotationMatrix(JsonConfigNode node)
    {
        IReadOnlyList<JsonConfigNode> rows = node.Items();
        if (rows.Count != 3)
        {
            throw node.Error("must be 3 rows of 3 numbers (row-major camera-to-ego rotation)", $"{rows.Count} rows");
        }

        double[] r0 = rows[0].Numbers(3), r1 = rows[1].Numbers(3), r2 = rows[2].Numbers(3);
        var m = new Mat3(r0[0], r0[1], r0[2], r1[0], r1[1], r1[2], r2[0], r2[1], r2[2]);
        RigRules.RequireRotation(node.File, node.Path, m);
        return m;
    }

    private static Mat3 ParseQuaternion(JsonConfigNode node)
    {
        double[] q = node.Numbers(4);
        return RigRules.RotationFromQuaternion(node.File, node.Path, q[0], q[1], q[2], q[3]);
    }
}

using Octopilot.Testing;
using System.Text.Json;
using Octopilot.Core.Geometry;

namespace Octopilot.Core.Tests.Infrastructure;

/// <summary>
/// The labels of shared/data/nuscenes-mini-sample/sample_info.json that the geometry tests compare with:
/// LiDAR-frame 3D boxes, <c>lidar2ego</c>, and per camera the visible boxes with their projected centre and depth.
/// </summary>
internal sealed class NuScenesSample
{
    public const string DataSet = "nuscenes-mini-sample";

    public const string InfoFile = "sample_info.json";

    private NuScenesSample(RigidTransform lidarToEgo, IReadOnlyList<LidarBox> lidarBoxes, IReadOnlyList<CameraBox> cameraBoxes)
    {
        LidarToEgo = lidarToEgo;
        LidarBoxes = lidarBoxes;
        CameraBoxes = cameraBoxes;
    }

    public static string InfoPath => SharedData.File(DataSet, InfoFile);

    /// <summary>LIDAR_TOP to ego, from the file's 4x4 (independent of the camera calibration under test).</summary>
    public RigidTransform LidarToEgo { get; }

    public IReadOnlyList<LidarBox> LidarBoxes { get; }

    public IReadOnlyList<CameraBox> CameraBoxes { get; }

    /// <param name="CentreM">box centre, LIDAR_TOP frame</param>
    /// <param name="SizeM">dx (length), dy (width), dz (height)</param>
    internal sealed record LidarBox(int Label, Vec3 CentreM, Vec3 SizeM);

    /// <param name="CentreCameraM">box centre in the camera frame; SizeM is (l, h, w) as mmdet3d stores camera boxes</param>
    /// <param name="EgoMotion">
    /// ego frame at the LiDAR (label) time → ego frame at this camera's capture time, from the file:
    /// cam2ego · lidar2cam · lidar2ego⁻¹. nuScenes cameras fire up to ~45 ms apart from the LiDAR sweep and mmdet3d's
    /// lidar2cam includes the car's motion over that gap, so <c>center_2d</c> and <c>depth</c> are at camera time.
    /// </param>
    internal sealed record CameraBox(string Camera, int Index, int Label, Vec3 CentreCameraM, Vec3 SizeM,
        double Center2dUPx, double Center2dVPx, double DepthM, RigidTransform FileCameraToEgo, RigidTransform EgoMotion);

    public static NuScenesSample Load()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(InfoPath));
        JsonElement root = document.RootElement;
        RigidTransform lidarToEgo = Transform4x4(root.GetProperty("lidar").GetProperty("lidar2ego"));

        var lidarBoxes = root.GetProperty("instances_lidar_frame").EnumerateArray()
            .Select(b => (Label: b.GetProperty("bbox_label_3d").GetInt32(), Box: Numbers(b.GetProperty("bbox_3d"))))
            .Select(b => new LidarBox(b.Label, new Vec3(b.Box[0], b.Box[1], b.Box[2]), new Vec3(b.Box[3], b.Box[4], b.Box[5])))
            .ToArray();

        var cameraBoxes = new List<CameraBox>();
        foreach (JsonProperty camera in root.GetProperty("cam_instances").EnumerateObject())
        {
            JsonElement calibration = root.GetProperty("cameras").GetProperty(camera.Name);
            RigidTransform fileCameraToEgo = Transform4x4(calibration.GetProperty("cam2ego"));
            RigidTransform lidarToCamera = Transform4x4(calibration.GetProperty("lidar2cam"));
            RigidTransform egoMotion = Compose(fileCameraToEgo, Compose(lidarToCamera, lidarToEgo.Inverse()));
            int index = 0;
            foreach (JsonElement b in camera.Value.EnumerateArray())
            {
                double[] box = Numbers(b.GetProperty("bbox_3d"));
                double[] centre = Numbers(b.GetProperty("center_2d"));
                cameraBoxes.Add(new CameraBox(camera.Name, index++, b.GetProperty("bbox_label_3d").GetInt32(),
                    new Vec3(box[0], box[1], box[2]), new Vec3(box[3], box[4], box[5]), centre[0], centre[1],
                    b.GetProperty("depth").GetDouble(), fileCameraToEgo, egoMotion));
            }
        }

        return new NuScenesSample(lidarToEgo, lidarBoxes, cameraBoxes);
    }

    /// <summary>
    /// The LiDAR box a camera box labels: same class and the same size (camera (l, h, w) = LiDAR (dx, dz, dy)).
    /// Where several boxes share class and size, the one nearest the camera box mapped by the file's own cam2ego
    /// matrix is taken; that matrix only picks the partner, it is not what the test measures.
    /// </summary>
    public LidarBox PartnerOf(CameraBox box)
    {
        LidarBox[] candidates = LidarBoxes.Where(l => l.Label == box.Label
            && Math.Abs(l.SizeM.X - box.SizeM.X) < 1e-9 && Math.Abs(l.SizeM.Y - box.SizeM.Z) < 1e-9 && Math.Abs(l.SizeM.Z - box.SizeM.Y) < 1e-9)
            .ToArray();
        Assert.True(candidates.Length > 0, $"{box.Camera}[{box.Index}]: no LiDAR box with label {box.Label} and size {box.SizeM}");
        Vec3 approximateEgo = box.FileCameraToEgo.Apply(box.CentreCameraM);
        return candidates.MinBy(l => (LidarToEgo.Apply(l.CentreM) - approximateEgo).Length)!;
    }

    /// <summary>The labelled centre of a camera box in the ego frame at label (LiDAR) time.</summary>
    public Vec3 CentreEgoAtLidarTimeM(CameraBox box) => LidarToEgo.Apply(PartnerOf(box).CentreM);

    /// <summary>The labelled centre in the ego frame at that camera's capture time (see <see cref="CameraBox.EgoMotion"/>).</summary>
    public Vec3 CentreEgoAtCameraTimeM(CameraBox box) => box.EgoMotion.Apply(CentreEgoAtLidarTimeM(box));

    private static RigidTransform Compose(RigidTransform outer, RigidTransform inner) =>
        new(outer.Rotation * inner.Rotation, (outer.Rotation * inner.TranslationM) + outer.TranslationM);

    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static RigidTransform Transform4x4(JsonElement matrix)
    {
        double[][] m = matrix.EnumerateArray().Select(Numbers).ToArray();
        return new RigidTransform(new Mat3(m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]),
            new Vec3(m[0][3], m[1][3], m[2][3]));
    }
}

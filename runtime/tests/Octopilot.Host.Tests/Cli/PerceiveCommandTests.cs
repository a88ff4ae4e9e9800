using System.Text.Json;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Testing;
using StbImageSharp;
using StbImageWriteSharp;

namespace Octopilot.Host.Tests.Cli;

/// <summary>
/// <c>octopilot perceive</c> end to end: the nuScenes sample's six real images with its rig through the contract model
/// (every output file, at the image resolution), a foreign YOLO model through its manifest (its detections equal
/// PyTorch's decode), and bad input refused with exit 2.
/// </summary>
public sealed class PerceiveCommandTests
{
    private static readonly string[] NuScenesCameras = ["CAM_FRONT", "CAM_FRONT_RIGHT", "CAM_BACK_RIGHT", "CAM_BACK", "CAM_BACK_LEFT", "CAM_FRONT_LEFT"];

    private static string ContractModel => Path.Combine(RepositoryPaths.Root, "onnx", "models", "hydranet-tiny-288x384", "model.onnx");

    private static string Foreign(string caseName, string file) => Path.Combine(RepositoryPaths.Root, "onnx", "fixtures", "foreign", caseName, file);

    private static string[] NuScenesImages()
    {
        string folder = SharedData.Folder("nuscenes-mini-sample");
        return NuScenesCameras.Select(c => $"{c}={Directory.GetFiles(folder, $"*__{c}__*.jpg").Single()}").ToArray();
    }

    [Fact]
    public void Perceive_NuScenesSixCamerasWithRig_WritesEveryFileAtImageResolution()
    {
        using var temp = new TempFolder();
        string info = SharedData.File("nuscenes-mini-sample", "sample_info.json");

        CliRun run = CliRun.Of(["perceive", "--model", ContractModel, "--rig", info, "--out", temp.Path, .. NuScenesImages()]);

        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        foreach (string camera in NuScenesCameras)
        {
            foreach (string head in new[] { "lanes", "drivable", "depth" })
            {
                (int w, int h) = PngSize(Path.Combine(temp.Path, $"{camera}.{head}.png"));
                Assert.Equal((1600, 900), (w, h));
            }

            PngImage overlay = PngImage.Decode(File.ReadAllBytes(Path.Combine(temp.Path, $"{camera}.overlay.png")));
            Assert.Equal((1600, 900), (overlay.WidthPx, overlay.HeightPx));
            using JsonDocument detections = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, $"{camera}.detections.json")));
            JsonElement root = detections.RootElement;
            Assert.Equal("octopilot-perceive-detections/1", root.GetProperty("format").GetString());
            Assert.Equal(camera, root.GetProperty("camera").GetString());
            Assert.Equal(1600, root.GetProperty("widthPx").GetInt32());
            Assert.All(root.GetProperty("detections").EnumerateArray(), d =>
            {
                Assert.Equal("objectDepth", d.GetProperty("range").GetString()); // the contract model ranges its objects itself
                JsonElement box = d.GetProperty("boxPx");
                Assert.True(box.GetProperty("x2").GetDouble() >= box.GetProperty("x1").GetDouble());
            });
        }

        using JsonDocument bev = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "bev.json")));
        Assert.Equal("octopilot-perceive-bev/1", bev.RootElement.GetProperty("format").GetString());
        Assert.Equal(NuScenesCameras, bev.RootElement.GetProperty("cameras").EnumerateArray().Select(c => c.GetString()).ToArray());
        Assert.All(bev.RootElement.GetProperty("objects").EnumerateArray(), o =>
            Assert.True(double.IsFinite(o.GetProperty("xM").GetDouble()) && o.GetProperty("rangeM").GetDouble() <= 150));
        Assert.True(PngImage.Decode(File.ReadAllBytes(Path.Combine(temp.Path, "bev.png"))).WidthPx > 0);
        Assert.Contains("BEV:", run.Output);
    }

    [Fact]
    public void Perceive_ForeignYoloWithManifest_DetectionsAreTheReferenceDecodeInImagePixels()
    {
        using var temp = new TempFolder();
        string image = WritePng(temp, "frame.png", File.ReadAllBytes(Foreign("yolo-nhwc-letterbox", "frame.rgb")), 256, 128);

        CliRun run = CliRun.Of(["perceive", "--model", Foreign("yolo-nhwc-letterbox", "model.onnx"), "--manifest", Foreign("yolo-nhwc-letterbox", "manifest.json"),
            "--out", temp.Path, image]);

        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        using JsonDocument reference = JsonDocument.Parse(File.ReadAllText(Foreign("yolo-nhwc-letterbox", "reference.json")));
        using JsonDocument written = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "image.detections.json")));
        JsonElement[] expected = reference.RootElement.GetProperty("detections").GetProperty("items").EnumerateArray().ToArray();
        JsonElement[] actual = written.RootElement.GetProperty("detections").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, actual.Length);
        foreach (JsonElement e in expected)
        {
            double[] box = e.GetProperty("boxFramePxClipped").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Contains(actual, a => a.GetProperty("class").GetString() == e.GetProperty("class").GetString()
                && Math.Abs(a.GetProperty("boxPx").GetProperty("x1").GetDouble() - box[0]) < 0.05
                && Math.Abs(a.GetProperty("boxPx").GetProperty("y2").GetDouble() - box[3]) < 0.05
                && a.GetProperty("range").GetString() == "groundContact"); // no rig: no focal length for a size prior
        }

        Assert.False(File.Exists(Path.Combine(temp.Path, "bev.json")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "image.overlay.png")));
    }

    [Fact]
    public void Perceive_ForeignSegmentation_MasksAtImageResolutionFollowTheOutput()
    {
        using var temp = new TempFolder();
        string image = WritePng(temp, "frame.png", File.ReadAllBytes(Foreign("seg-nchw-meanstd-bgr", "frame.rgb")), 224, 144);

        CliRun run = CliRun.Of(["perceive", "--model", Foreign("seg-nchw-meanstd-bgr", "model.onnx"), "--manifest", Foreign("seg-nchw-meanstd-bgr", "manifest.json"),
            "--out", temp.Path, $"front={image}"]);

        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        foreach (string head in new[] { "drivable", "lanes" })
        {
            byte[] grey = ReadGrey(Path.Combine(temp.Path, $"front.{head}.png"), out int w, out int h);
            Assert.Equal((224, 144), (w, h));
            Assert.True(grey.Distinct().Count() > 16, $"{head} mask is flat: the fixture model's output varies over the image");
        }
    }

    [Theory]
    [InlineData("unknown-input-name")]
    [InlineData("camera-not-in-rig")]
    [InlineData("no-model")]
    [InlineData("sizes-differ")]
    public void Perceive_BadInput_ExitsTwoNamingTheProblem(string problem)
    {
        using var temp = new TempFolder();
        string small = WritePng(temp, "a.png", new byte[64 * 32 * 3], 64, 32);
        string other = WritePng(temp, "b.png", new byte[32 * 32 * 3], 32, 32);
        string yolo = Foreign("yolo-nhwc-letterbox", "model.onnx");
        (string[] args, string fragment) = problem switch
        {
            "unknown-input-name" => ((string[])["perceive", "--model", yolo, "--manifest", Path.Combine(RepositoryPaths.Root, "onnx", "fixtures", "foreign", "bad", "unknown-input-name.json"), "--out", temp.Path, small],
                "$.input.name: must be one of the model's inputs (images)"),
            "camera-not-in-rig" => (["perceive", "--model", ContractModel, "--rig", RepositoryFiles.Rig, "--out", temp.Path, $"CAM_NOWHERE={small}"],
                "\"CAM_NOWHERE\" is not in rig"),
            "no-model" => (["perceive", "--model", Path.Combine(temp.Path, "missing.onnx"), "--out", temp.Path, small], "--model: no such file"),
            _ => (["perceive", "--model", ContractModel, "--out", temp.Path, $"a={small}", $"b={other}"], "b is 32x32 but a is 64x32"),
        };

        CliRun run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(fragment, run.Error);
    }

    private static string WritePng(TempFolder temp, string name, byte[] rgb, int w, int h)
    {
        string path = Path.Combine(temp.Path, name);
        using FileStream file = File.Create(path);
        new ImageWriter().WritePng(rgb, w, h, StbImageWriteSharp.ColorComponents.RedGreenBlue, file);
        return path;
    }

    private static (int W, int H) PngSize(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan().StartsWith(PngImage.Signature), $"{path} is not a PNG");
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    private static byte[] ReadGrey(string path, out int w, out int h)
    {
        using FileStream stream = File.OpenRead(path);
        ImageResult image = ImageResult.FromStream(stream, StbImageSharp.ColorComponents.Grey);
        (w, h) = (image.Width, image.Height);
        return image.Data;
    }
}

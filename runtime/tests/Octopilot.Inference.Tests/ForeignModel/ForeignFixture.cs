using System.Text.Json;
using Octopilot.Core.Time;
using Octopilot.Inference.Engine;
using Octopilot.Inference.ForeignModel;
using Octopilot.Inference.Manifest;

namespace Octopilot.Inference.Tests.ForeignModel;

/// <summary>
/// One case of onnx/fixtures/foreign (made by onnx/foreign/export_foreign.py with PyTorch): its manifest, model, camera
/// frames and PyTorch's reference input, outputs and decoded detections.
/// </summary>
internal sealed class ForeignFixture
{
    private ForeignFixture(string folder)
    {
        Folder = folder;
        Reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "reference.json"))).RootElement;
        using JsonDocument frame = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "frame.json")));
        FrameWidthPx = frame.RootElement.GetProperty("widthPx").GetInt32();
        FrameHeightPx = frame.RootElement.GetProperty("heightPx").GetInt32();
        Frames = Reference.GetProperty("frames").EnumerateArray().Select(f => File.ReadAllBytes(Path.Combine(folder, f.GetString()!))).ToArray();
        Manifest = ModelManifestFile.Load(Path.Combine(folder, "manifest.json"));
    }

    public string Folder { get; }

    public JsonElement Reference { get; }

    public int FrameWidthPx { get; }

    public int FrameHeightPx { get; }

    public byte[][] Frames { get; }

    public ModelManifest Manifest { get; }

    public string[] CameraNames => Frames.Select((_, i) => $"cam{i}").ToArray();

    public static string Root
    {
        get
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "onnx", "fixtures", "foreign");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            Assert.Fail($"onnx/fixtures/foreign not found above {AppContext.BaseDirectory}: run /usr/bin/python3 onnx/foreign/export_foreign.py");
            return string.Empty;
        }
    }

    public static ForeignFixture Load(string caseName) => new(Path.Combine(Root, caseName));

    public ForeignModelEngine Open(IReadOnlyList<double>? focalYPx = null) => ForeignModelEngine.Open(
        new InferenceOptions { ModelPath = Path.Combine(Folder, "model.onnx"), IntraOpThreads = 1 }, Manifest, CameraNames,
        FrameWidthPx, FrameHeightPx, focalYPx ?? [], MonotonicClock.Instance, TextWriter.Null);

    public MemoryFrames MemoryFrames() => new(Frames.Select(f => (ReadOnlyMemory<byte>)f).ToArray());

    /// <summary>A stored tensor (every reference .bin holds float32, or uint8 for a uint8 input).</summary>
    public float[] Floats(string file)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(Folder, file));
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }

    public Half[] Halves(string file)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(Folder, file));
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(bytes).ToArray();
    }

    public byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(Folder, file));

    public JsonElement Output(string name) =>
        Reference.GetProperty("outputs").EnumerateArray().First(o => o.GetProperty("name").GetString() == name);

}

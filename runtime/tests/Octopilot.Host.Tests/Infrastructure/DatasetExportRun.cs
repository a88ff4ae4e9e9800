using System.Text.Json;
using Octopilot.Host.Cli;
using StbImageSharp;

namespace Octopilot.Host.Tests.Infrastructure;

/// <summary>
/// One `octopilot dataset export` into a fresh temp folder (deleted on dispose), with readers for the files it wrote.
/// Tests share one small export through <see cref="Small"/> (3 samples at 64x48, rig and scenario from the repository).
/// </summary>
public sealed class DatasetExportRun : IDisposable
{
    public const int WidthPx = 64, HeightPx = 48, Frames = 3;

    private readonly TempFolder _folder = new();

    public DatasetExportRun()
        : this(Frames, "42", WidthPx, HeightPx)
    {
    }

    private DatasetExportRun(int frames, string seed, int widthPx, int heightPx, params string[] extra)
    {
        OutDirectory = Path.Combine(_folder.Path, "dataset");
        Run = CliRun.Of(Arguments(OutDirectory, frames, seed, widthPx, heightPx, extra));
        Assert.True(Run.ExitCode == ExitCodes.Ok, Run.Error + Run.Output);
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(ManifestPath));
        Manifest = manifest.RootElement.Clone();
    }

    internal CliRun Run { get; }

    public string OutDirectory { get; }

    public string ManifestPath => Path.Combine(OutDirectory, "manifest.json");

    public JsonElement Manifest { get; }

    public IReadOnlyList<string> Cameras => Manifest.GetProperty("cameras").EnumerateArray().Select(c => c.GetString()!).ToArray();

    public IReadOnlyList<string> SampleIds => Manifest.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToArray();

    /// <summary>Command-line arguments of an export of <paramref name="frames"/> samples at 64x48 into <paramref name="outDirectory"/>.</summary>
    public static string[] Arguments(string outDirectory, int frames, string seed, params string[] extra) =>
        Arguments(outDirectory, frames, seed, WidthPx, HeightPx, extra);

    public static string[] Arguments(string outDirectory, int frames, string seed, int widthPx, int heightPx, params string[] extra) =>
    [
        "dataset", "export", "--scenarios", RepositoryFiles.Scenario, "--rig", RepositoryFiles.Rig, "--frames", frames.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--out", outDirectory, "--seed", seed, "--width", widthPx.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--height", heightPx.ToString(System.Globalization.CultureInfo.InvariantCulture), .. extra,
    ];

    public static DatasetExportRun Of(int frames, string seed, params string[] extra) => new(frames, seed, WidthPx, HeightPx, extra);

    public static DatasetExportRun Of(int frames, string seed, int widthPx, int heightPx, params string[] extra) => new(frames, seed, widthPx, heightPx, extra);

    public string CameraFile(string sampleId, string camera, string suffix) => Path.Combine(OutDirectory, "samples", sampleId, camera + suffix);

    /// <summary>Decodes a PNG with StbImageSharp in the given components; also returns the components stored in the file.</summary>
    public static byte[] ReadPng(string path, ColorComponents components, out int widthPx, out int heightPx, out ColorComponents stored)
    {
        using FileStream stream = File.OpenRead(path);
        ImageResult image = ImageResult.FromStream(stream, components);
        (widthPx, heightPx, stored) = (image.Width, image.Height, image.SourceComp);
        return image.Data;
    }

    public byte[] ClassMap(string sampleId, string camera) =>
        ReadPng(CameraFile(sampleId, camera, ".class.png"), ColorComponents.Grey, out _, out _, out _);

    public void Dispose() => _folder.Dispose();
}

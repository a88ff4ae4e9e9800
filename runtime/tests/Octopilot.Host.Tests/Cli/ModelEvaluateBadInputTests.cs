using Octopilot.Host.Cli;
using Octopilot.Host.Dataset;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Testing;
using StbImageWriteSharp;

namespace Octopilot.Host.Tests.Cli;

/// <summary>
/// A broken dataset or a bad option exits 2 with a message naming the file or option, before the model runs. Each test
/// breaks its own small export (3 samples at 64x48).
/// </summary>
public sealed class ModelEvaluateBadInputTests
{
    private static string Model => Path.Combine(RepositoryPaths.Root, "onnx", "models", "hydranet-tiny-288x384", "model.onnx");

    [Theory]
    [InlineData(".class.png")]
    [InlineData(".depth.npy")]
    [InlineData(".objects.json")]
    public void Evaluate_MissingCameraFile_ExitsTwoNamingTheFile(string suffix)
    {
        using var dataset = new DatasetExportRun();
        string file = dataset.CameraFile(dataset.SampleIds[1], dataset.Cameras[2], suffix);
        File.Delete(file);

        CliRun run = Evaluate(dataset);

        AssertRefused(run, file, "missing");
    }

    [Fact]
    public void Evaluate_ImageOfAnotherSize_ExitsTwoNamingTheFileAndBothSizes()
    {
        using var dataset = new DatasetExportRun();
        string file = dataset.CameraFile(dataset.SampleIds[0], dataset.Cameras[0], ".png");
        WritePng(file, 32, 24, ColorComponents.RedGreenBlue);

        CliRun run = Evaluate(dataset);

        AssertRefused(run, file, "32x24", "64x48");
    }

    [Fact]
    public void Evaluate_ClassMapInRgb_ExitsTwoNamingTheFile()
    {
        using var dataset = new DatasetExportRun();
        string file = dataset.CameraFile(dataset.SampleIds[0], dataset.Cameras[1], ".class.png");
        WritePng(file, DatasetExportRun.WidthPx, DatasetExportRun.HeightPx, ColorComponents.RedGreenBlue);

        CliRun run = Evaluate(dataset);

        AssertRefused(run, file, "3 channel");
    }

    [Fact]
    public void Evaluate_DepthOfWrongShape_ExitsTwoNamingTheFile()
    {
        using var dataset = new DatasetExportRun();
        string file = dataset.CameraFile(dataset.SampleIds[2], dataset.Cameras[0], ".depth.npy");
        NpyWriter.WriteFloat32(file, new float[48 * 64], 64, 48);

        CliRun run = Evaluate(dataset);

        AssertRefused(run, file, "float32 [48,64]");
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[{\"class\": \"vehicle\", \"boxPx\": [0, 0, 70, 5], \"depthM\": 5, \"visiblePixels\": 3, \"groundCentreEgoM\": [1, 2, 0]}]", "boxPx")]
    [InlineData("[{\"class\": \"bicycle\", \"boxPx\": [0, 0, 7, 5], \"depthM\": 5, \"visiblePixels\": 3, \"groundCentreEgoM\": [1, 2, 0]}]", ".class")]
    [InlineData("[{\"class\": \"vehicle\", \"boxPx\": [0, 0, 7, 5], \"depthM\": 5, \"visiblePixels\": 3}]", "groundCentreEgoM")]
    public void Evaluate_BadObjectsFile_ExitsTwoNamingTheFileAndField(string content, string field)
    {
        using var dataset = new DatasetExportRun();
        string file = dataset.CameraFile(dataset.SampleIds[0], dataset.Cameras[3], ".objects.json");
        File.WriteAllText(file, content);

        CliRun run = Evaluate(dataset);

        AssertRefused(run, file, field);
    }

    [Fact]
    public void Evaluate_ManifestWithoutLaneLabel_ExitsTwoNamingTheManifest()
    {
        using var dataset = new DatasetExportRun();
        File.WriteAllText(dataset.ManifestPath, File.ReadAllText(dataset.ManifestPath).Replace("\"laneMarking\"", "\"paint\"", StringComparison.Ordinal));

        CliRun run = Evaluate(dataset);

        AssertRefused(run, dataset.ManifestPath, "laneMarking");
    }

    [Theory]
    [InlineData("--split", "test", "--split")]
    [InlineData("--score-threshold", "1.5", "--score-threshold")]
    [InlineData("--nms-iou", "0", "--nms-iou")]
    [InlineData("--limit", "-1", "--limit")]
    [InlineData("--data", "/no/such/dataset", "--data")]
    [InlineData("--model", "/no/such/model.onnx", "--model")]
    public void Evaluate_BadOption_ExitsTwoNamingTheOption(string option, string value, string named)
    {
        using var dataset = new DatasetExportRun();
        string[] args = ["model", "evaluate", "--model", Model, "--data", dataset.OutDirectory, "--split", "all"];
        int at = Array.IndexOf(args, option);
        args = at >= 0 ? args : [.. args, option, value];
        args[(at >= 0 ? at : args.Length - 2) + 1] = value;

        CliRun run = CliRun.Of(args);

        AssertRefused(run, named);
    }

    private static CliRun Evaluate(DatasetExportRun dataset) =>
        CliRun.Of("model", "evaluate", "--model", Model, "--data", dataset.OutDirectory, "--split", "all");

    private static void AssertRefused(CliRun run, params string[] named)
    {
        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        foreach (string name in named)
        {
            Assert.Contains(name, run.Error, StringComparison.Ordinal);
        }

        Assert.Equal(string.Empty, run.Output);
    }

    private static void WritePng(string path, int widthPx, int heightPx, ColorComponents components)
    {
        int channels = components == ColorComponents.Grey ? 1 : 3;
        using FileStream file = File.Create(path);
        new ImageWriter().WritePng(new byte[widthPx * heightPx * channels], widthPx, heightPx, components, file);
    }
}

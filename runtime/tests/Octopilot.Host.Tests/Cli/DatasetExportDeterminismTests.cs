using System.Text.Json;
using Octopilot.Host.Tests.Infrastructure;

namespace Octopilot.Host.Tests.Cli;

/// <summary>Scenes and splits are functions of (seed, sample index): the same arguments give the same bytes.</summary>
public sealed class DatasetExportDeterminismTests
{
    [Fact]
    public void Export_SameSeedAndArgumentsTwice_WritesByteIdenticalFolders()
    {
        using DatasetExportRun first = DatasetExportRun.Of(3, "9");
        using DatasetExportRun second = DatasetExportRun.Of(3, "9");

        string[] files = RelativeFiles(first.OutDirectory);
        Assert.Equal(files, RelativeFiles(second.OutDirectory));
        Assert.Equal(1 + (3 * 8 * 4), files.Length);
        foreach (string file in files)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(first.OutDirectory, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.OutDirectory, file))),
                $"{file} differs between two exports with the same seed");
        }
    }

    [Fact]
    public void Export_OneThreadOrThree_WritesByteIdenticalFolders()
    {
        using DatasetExportRun single = DatasetExportRun.Of(4, "21", "--threads", "1");
        using DatasetExportRun several = DatasetExportRun.Of(4, "21", "--threads", "3");

        string[] files = RelativeFiles(single.OutDirectory);
        Assert.Equal(files, RelativeFiles(several.OutDirectory));
        foreach (string file in files)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(single.OutDirectory, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(several.OutDirectory, file))),
                $"{file} differs between --threads 1 and --threads 3");
        }
    }

    [Fact]
    public void Export_Samples_GetDifferentScenes()
    {
        using DatasetExportRun export = DatasetExportRun.Of(6, "3");

        JsonElement[] variants = export.Manifest.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("variant")).ToArray();
        string[] keys = variants.Select(v => string.Join(
            "|", v.GetProperty("laneCount"), v.GetProperty("laneWidthM"), v.GetProperty("curvaturePerM"), v.GetProperty("vehicleCount"), v.GetProperty("brightness"))).ToArray();
        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.True(variants.Select(v => v.GetProperty("laneCount").GetInt32()).Distinct().Count() > 1, "every sample has the same lane count");
        Assert.True(variants.Select(v => v.GetProperty("vehicleCount").GetInt32()).Distinct().Count() > 1, "every sample has the same traffic");
        byte[] firstImage = File.ReadAllBytes(export.CameraFile("000000", "main_forward", ".png"));
        Assert.False(firstImage.AsSpan().SequenceEqual(File.ReadAllBytes(export.CameraFile("000001", "main_forward", ".png"))));
    }

    [Fact]
    public void Export_MoreFrames_KeepsTheScenesAndSplitsOfTheFirstSamples()
    {
        using DatasetExportRun shorter = DatasetExportRun.Of(2, "5", "--val-fraction", "0.5");
        using DatasetExportRun longer = DatasetExportRun.Of(4, "5", "--val-fraction", "0.5");

        JsonElement[] a = shorter.Manifest.GetProperty("samples").EnumerateArray().ToArray();
        JsonElement[] b = longer.Manifest.GetProperty("samples").EnumerateArray().ToArray();
        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i].GetRawText(), b[i].GetRawText());
        }
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 20)]
    public void Export_ValFractionZeroOrOne_PutsEverySampleInOneSplit(string fraction, int expectedVal)
    {
        using DatasetExportRun export = DatasetExportRun.Of(20, "11", 32, 24, "--val-fraction", fraction);

        Assert.Equal(expectedVal, export.Manifest.GetProperty("samples").EnumerateArray().Count(s => s.GetProperty("split").GetString() == "val"));
    }

    [Fact]
    public void Export_ValFractionHalf_SplitsWholeSamplesBothWays()
    {
        using DatasetExportRun export = DatasetExportRun.Of(20, "11", 32, 24, "--val-fraction", "0.5");

        int val = export.Manifest.GetProperty("samples").EnumerateArray().Count(s => s.GetProperty("split").GetString() == "val");
        Assert.InRange(val, 3, 17);
        Assert.Contains($"{20 - val} train, {val} val", export.Run.Output, StringComparison.Ordinal);
    }

    private static string[] RelativeFiles(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal).ToArray();
}

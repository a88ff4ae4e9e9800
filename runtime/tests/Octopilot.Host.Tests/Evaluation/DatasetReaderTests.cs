using Octopilot.Core.Labels;
using Octopilot.Host.Dataset;
using Octopilot.Host.Tests.Infrastructure;

namespace Octopilot.Host.Tests.Evaluation;

/// <summary>The C# reader of `dataset export` folders: what it reads back, and the older layouts it still accepts.</summary>
public sealed class DatasetReaderTests
{
    [Fact]
    public void Open_FreshExport_ReadsEverySampleAndCamera()
    {
        using var dataset = new DatasetExportRun();

        DatasetReader reader = DatasetReader.Open(dataset.OutDirectory, split: null, limit: 0);
        DatasetImage image = reader.Load(dataset.SampleIds[0], dataset.Cameras[0]);

        Assert.Equal(dataset.SampleIds, reader.Selected.Select(s => s.Id));
        Assert.Equal(dataset.Cameras, reader.Manifest.Cameras);
        Assert.Equal(DatasetExportRun.WidthPx * DatasetExportRun.HeightPx * 3, image.Rgb24.Length);
        Assert.Equal(dataset.ClassMap(dataset.SampleIds[0], dataset.Cameras[0]), image.Labels);
        Assert.Contains(image.DepthM, d => d > 0);
        Assert.True(reader.Manifest.HasSolidLaneMarking);
        Assert.Equal("rig-default-8cam.json", reader.Manifest.RigFileName);
    }

    [Fact]
    public void Open_Limit_TakesTheFirstSamples()
    {
        using var dataset = new DatasetExportRun();

        DatasetReader reader = DatasetReader.Open(dataset.OutDirectory, split: null, limit: 2);

        Assert.Equal(dataset.SampleIds.Take(2), reader.Selected.Select(s => s.Id));
    }

    [Fact]
    public void Open_ManifestWithoutSolidLaneMarking_IsReadAsAnOlderDataset()
    {
        using var dataset = new DatasetExportRun();
        File.WriteAllText(dataset.ManifestPath, File.ReadAllText(dataset.ManifestPath).Replace(",\n    \"5\": \"solidLaneMarking\"", string.Empty, StringComparison.Ordinal));

        DatasetManifest manifest = DatasetReader.Open(dataset.OutDirectory, split: null, limit: 0).Manifest;

        Assert.DoesNotContain("solidLaneMarking", File.ReadAllText(dataset.ManifestPath), StringComparison.Ordinal);
        Assert.False(manifest.HasSolidLaneMarking);
        Assert.Null(manifest.LabelOf[5]);
        Assert.Equal(LabelClass.LaneMarking, manifest.LabelOf[3]);
    }

    [Fact]
    public void Open_LabelClassesRenumbered_ReadByName()
    {
        using var dataset = new DatasetExportRun();
        File.WriteAllText(dataset.ManifestPath, File.ReadAllText(dataset.ManifestPath)
            .Replace("\"3\": \"laneMarking\"", "\"3\": \"road\"", StringComparison.Ordinal)
            .Replace("\"2\": \"road\"", "\"2\": \"laneMarking\"", StringComparison.Ordinal));

        DatasetManifest manifest = DatasetReader.Open(dataset.OutDirectory, split: null, limit: 0).Manifest;

        Assert.Equal(LabelClass.LaneMarking, manifest.LabelOf[2]);
        Assert.Equal(LabelClass.Road, manifest.LabelOf[3]);
    }
}

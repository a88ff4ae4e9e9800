using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Fusion.Objects;
using Octopilot.Host.Dataset;
using Octopilot.Host.Evaluation;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Inference.Perception;

namespace Octopilot.Host.Tests.Evaluation;

/// <summary>
/// The object metrics' glue (labels, matching, bands, projection) on a real export without a model: detections made
/// from the labels themselves must score perfectly and land where the centre-depth oracle does.
/// </summary>
public sealed class ObjectEvaluatorTests
{
    [Fact]
    public void Add_DetectionsEqualToLabels_RecallPrecisionOneAndModelErrorIsTheOracles()
    {
        using DatasetExportRun dataset = DatasetExportRun.Of(2, "7", 128, 96);
        ObjectEvaluator evaluator = EvaluatePerfectDetections(dataset, new DetectionProjectorOptions());

        Assert.True(evaluator.Counts.EvaluableLabels > 0);
        ObjectBandCounts all = evaluator.Counts.Counts(0, ObjectCounts.BandNames.Count - 1);
        Assert.Equal(evaluator.Counts.EvaluableLabels, all.Labels);
        Assert.Equal(1.0, all.Recall);
        Assert.Equal(1.0, all.Precision);
        int at08 = evaluator.Counts.Thresholds.ToList().IndexOf(0.8f), at09 = evaluator.Counts.Thresholds.ToList().IndexOf(0.9f);
        Assert.True(at08 > 0 && at09 > 0, "the sweep holds 0.8 and 0.9");
        Assert.Equal(1.0, evaluator.Counts.Counts(at08, ObjectCounts.BandNames.Count - 1).Recall);
        Assert.Equal(0.0, evaluator.Counts.Counts(at09, ObjectCounts.BandNames.Count - 1).Recall); // 0.9: the 0.85 detections are gone
        PlacementSummary model = evaluator.Model.Summaries[DistanceBands.Within80];
        PlacementSummary oracle = evaluator.OracleCentreDepth.Summaries[DistanceBands.Within80];
        Assert.True(oracle.Placed > 0);
        Assert.Equal(oracle.Placed, model.Placed);
        Assert.Equal(oracle.MeanM!.Value, model.MeanM!.Value, 9);
    }

    [Fact]
    public void Add_ModelProjectorWeighsItsDepth_TheOracleStillTakesItsDepthAsExact()
    {
        using DatasetExportRun dataset = DatasetExportRun.Of(2, "7", 128, 96);

        ObjectEvaluator exact = EvaluatePerfectDetections(dataset, new DetectionProjectorOptions());
        ObjectEvaluator weighed = EvaluatePerfectDetections(dataset, new DetectionProjectorOptions { DepthNoiseFraction = 0.2 });

        PlacementSummary oracleExact = exact.Oracle.Summaries[DistanceBands.Within80], oracleWeighed = weighed.Oracle.Summaries[DistanceBands.Within80];
        Assert.True(oracleExact.Placed > 0);
        Assert.Equal(oracleExact, oracleWeighed);
        PlacementSummary modelExact = exact.Model.Summaries[DistanceBands.Within80], modelWeighed = weighed.Model.Summaries[DistanceBands.Within80];
        Assert.Equal(modelExact.Placed, modelWeighed.Placed);
        Assert.NotEqual(modelExact.MeanM!.Value, modelWeighed.MeanM!.Value); // the bottom rows moved the model's points
    }

    /// <summary>Every label of the dataset as a detection (score 0.85, its box, the camera z of its ground centre).</summary>
    private static ObjectEvaluator EvaluatePerfectDetections(DatasetExportRun dataset, DetectionProjectorOptions modelOptions)
    {
        DatasetReader reader = DatasetReader.Open(dataset.OutDirectory, split: null, limit: 0);
        CameraRig rig = EvaluationRig.Load(reader.Manifest);
        var evaluator = new ObjectEvaluator(
            new DetectionProjector(rig, ["vehicle"], modelOptions), new DetectionProjector(rig, ["vehicle"], new DetectionProjectorOptions()), rig, ["vehicle"], 0.3f, 50);
        foreach (DatasetSampleEntry sample in reader.Selected)
        {
            for (int c = 0; c < rig.Count; c++)
            {
                IReadOnlyList<LabelledObject> objects = reader.Load(sample.Id, reader.Manifest.Cameras[c]).Objects;
                RigidTransform egoToCamera = rig[c].EgoToCamera;
                Detection[] perfect = objects.Select(o => new Detection(
                    0.85f, 0, (o.MinUPx + o.MaxUPx) / 2f, (o.MinVPx + o.MaxVPx) / 2f, o.MaxUPx - o.MinUPx + 1, o.MaxVPx - o.MinVPx + 1,
                    (float)egoToCamera.Apply(new Vec3(o.GroundCentreXM, o.GroundCentreYM, o.GroundCentreZM)).Z, RangeSource.ObjectDepth)).ToArray();
                evaluator.Add(c, objects, perfect);
            }
        }

        return evaluator;
    }
}

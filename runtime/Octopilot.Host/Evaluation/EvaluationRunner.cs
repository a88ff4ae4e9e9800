using System.Diagnostics;
using Octopilot.Core.Calibration;
using Octopilot.Core.Time;
using Octopilot.Fusion.Objects;
using Octopilot.Host.Dataset;
using Octopilot.Host.Perceive;
using Octopilot.Inference.Engine;
using Octopilot.Inference.ForeignModel;
using Octopilot.Inference.Manifest;
using Octopilot.Inference.Perception;
using Octopilot.WorldModel;

namespace Octopilot.Host.Evaluation;

/// <summary>
/// <c>octopilot model evaluate</c>: each sample of a dataset split (all its cameras = one frame set, as still images in
/// memory) through the runtime's own perception path (<see cref="ForeignModelEngine"/>, the contract HydraNet's implied
/// manifest or the model's manifest; the decoders and range refinement the car uses), the head maps caught at the model's
/// output grid (<see cref="GridMaps"/>), the detections projected by the car's <see cref="DetectionProjector"/>; metrics
/// accumulated over the split. Off the hot path: allocates per sample. Progress goes to <c>progress</c>.
/// </summary>
internal static class EvaluationRunner
{
    /// <summary>Lowest score the engine decodes at: the sweep's lowest threshold, or the operating one when lower.</summary>
    private static float DecodeThreshold(float operating) => Math.Min(operating, EvaluationSettings.SweepThresholds[0]);

    public static EvaluationReport Run(EvaluationSettings settings, TextWriter progress)
    {
        var clock = Stopwatch.StartNew();
        DatasetReader reader = DatasetReader.Open(settings.DataPath, settings.Split, settings.Limit);
        DatasetManifest manifest = reader.Manifest;
        if (reader.Selected.Count == 0)
        {
            throw new DatasetFormatException(manifest.ManifestPath, $"has no samples in split \"{settings.SplitName}\"");
        }

        CameraRig rig = EvaluationRig.Load(manifest);
        int w = manifest.WidthPx, h = manifest.HeightPx;
        var options = new InferenceOptions { ModelPath = settings.ModelPath, ObjectScoreThreshold = DecodeThreshold(settings.ScoreThreshold), ObjectNmsIou = settings.NmsIou };
        double[] focal = PerceiveRig.FocalYPx(rig);
        using ForeignModelEngine engine = settings.ManifestPath is null
            ? ForeignModelEngine.OpenContract(options, manifest.Cameras, w, h, focal, MonotonicClock.Instance, progress)
            : ForeignModelEngine.Open(options, ModelManifestFile.Load(settings.ManifestPath), manifest.Cameras, w, h, focal, MonotonicClock.Instance, progress);

        PerceptionFrameSet results = engine.CreateResults();
        var maps = new GridMaps(engine.Heads, engine.MapWidth, engine.MapHeight, w, h, manifest.Cameras.Count);
        var heads = Enumerable.Range(0, engine.Heads.SegmentationCount).Select(engine.Heads.Segmentation).ToArray();
        SegmentationTruth?[] truths = heads.Select(SegmentationTruths.For).ToArray();
        var notMeasured = new List<string>();
        for (int i = 0; i < heads.Length; i++)
        {
            if (truths[i] is null)
            {
                notMeasured.Add($"{heads[i].TargetName}: no label class to measure it against");
            }
            else if (truths[i] == SegmentationTruth.SolidLaneMarking && !manifest.HasSolidLaneMarking)
            {
                notMeasured.Add($"{heads[i].TargetName}: the dataset's labelClasses has no solidLaneMarking (written before solid paint was its own class)");
                truths[i] = null;
            }
        }

        MaskIou[] ious = heads.Select(_ => new MaskIou()).ToArray();
        var depth = new DepthErrors();
        var projector = new DetectionProjector(rig, engine.ClassNames, WorldModelOptions.ModelProjector);
        var oracleProjector = new DetectionProjector(rig, engine.ClassNames, new WorldModelOptions().Projector);
        var objects = new ObjectEvaluator(projector, oracleProjector, rig, engine.ClassNames, settings.ScoreThreshold, settings.MinVisiblePixels);
        progress.WriteLine($"evaluate: {reader.Selected.Count} sample(s) x {manifest.Cameras.Count} camera(s) of {settings.DataPath} ({settings.SplitName}) at {w}x{h}, grid {engine.MapWidth}x{engine.MapHeight} cells");
        for (int s = 0; s < reader.Selected.Count; s++)
        {
            string id = reader.Selected[s].Id;
            DatasetImage[] images = manifest.Cameras.Select(c => reader.Load(id, c)).ToArray();
            engine.Run(new MemoryFrames(images.Select(i => (ReadOnlyMemory<byte>)i.Rgb24).ToArray(), 0), results, observer: maps);
            for (int c = 0; c < images.Length; c++)
            {
                CellTruth truth = CellTruth.From(images[c].Labels, images[c].DepthM, w, h, engine.MapWidth, engine.MapHeight, manifest.LabelOf);
                for (int i = 0; i < heads.Length; i++)
                {
                    if (truths[i] is SegmentationTruth kind)
                    {
                        ious[i].Add(maps.Segmentation[c][i], SegmentationTruths.Mask(truth, kind));
                    }
                }

                if (maps.DepthM[c] is float[] predictedM)
                {
                    depth.Add(predictedM, truth.DepthM);
                }

                if (engine.Heads.HasDetections)
                {
                    objects.Add(c, images[c].Objects, results.Cameras[c].Detections);
                }
            }

            if ((s + 1) % ProgressEverySamples == 0 || s + 1 == reader.Selected.Count)
            {
                progress.WriteLine(FormattableString.Invariant($"evaluate: {s + 1}/{reader.Selected.Count} samples, {clock.Elapsed.TotalSeconds:0.0} s"));
            }
        }

        return new EvaluationReport
        {
            ModelPath = settings.ModelPath,
            Engine = engine.Description,
            DataPath = settings.DataPath,
            Split = settings.SplitName,
            Samples = reader.Selected.Count,
            Images = reader.Selected.Count * manifest.Cameras.Count,
            FrameWidthPx = w,
            FrameHeightPx = h,
            GridWidthCells = engine.MapWidth,
            GridHeightCells = engine.MapHeight,
            MinVisiblePixels = settings.MinVisiblePixels,
            NmsIou = settings.NmsIou,
            DepthNoiseFraction = WorldModelOptions.ModelProjector.DepthNoiseFraction,
            ElapsedS = clock.Elapsed.TotalSeconds,
            Segmentation = Enumerable.Range(0, heads.Length).Where(i => truths[i] is not null)
                .Select(i => new SegmentationResult(heads[i].TargetName, truths[i]!.Value, SegmentationTruths.Rule(truths[i]!.Value), ious[i].Intersection, ious[i].Union, ious[i].TrueCells, ious[i].PredictedCells, ious[i].Iou))
                .ToArray(),
            SegmentationNotMeasured = notMeasured,
            DepthOverall = engine.Heads.HasDepth ? depth.Overall : null,
            DepthBands = engine.Heads.HasDepth ? depth.Bands : [],
            Objects = engine.Heads.HasDetections ? ObjectsResult(objects, settings.ScoreThreshold) : null,
            ModelPlacement = objects.Model.Summaries,
            ModelGroundContactPlacement = objects.ModelGroundContact.Summaries,
            OraclePlacement = objects.Oracle.Summaries,
            OracleCentreDepthPlacement = objects.OracleCentreDepth.Summaries,
        };
    }

    /// <summary>Samples between progress lines on stderr (a 43-sample val split: five lines).</summary>
    private const int ProgressEverySamples = 10;

    private static ObjectResult ObjectsResult(ObjectEvaluator objects, float threshold)
    {
        ObjectCounts counts = objects.Counts;
        var bands = Enumerable.Range(0, ObjectCounts.BandNames.Count).Select(b => counts.Counts(0, b)).ToArray();
        var sweep = Enumerable.Range(1, counts.Thresholds.Count - 1)
            .Select(t => (counts.Thresholds[t], counts.Counts(t, DistanceBands.Within40), counts.Counts(t, DistanceBands.Within80)))
            .ToArray();
        return new ObjectResult(counts.EvaluableLabels, counts.IgnoreLabels, threshold, bands, counts.UnplacedFalsePositives(0), sweep);
    }
}

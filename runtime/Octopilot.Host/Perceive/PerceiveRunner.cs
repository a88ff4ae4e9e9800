using Octopilot.Core.Calibration;
using Octopilot.Core.Time;
using Octopilot.Fusion.Tracking;
using Octopilot.Host.Snapshots;
using Octopilot.Inference.Engine;
using Octopilot.Inference.ForeignModel;
using Octopilot.Inference.Manifest;
using Octopilot.Inference.Perception;
using Octopilot.Planner.Inputs;
using Octopilot.WorldModel;

namespace Octopilot.Host.Perceive;

/// <summary>What to perceive: the model, its manifest (null: the contract HydraNet), the images, an optional rig, the output folder.</summary>
internal sealed record PerceiveSettings(string ModelPath, string? ManifestPath, string? RigPath, IReadOnlyList<string> Images, string OutputFolder);

/// <summary>
/// <c>octopilot perceive</c>: one frame set made of still images through the runtime's own perception path (the
/// foreign-model engine with the model's manifest, or the contract HydraNet's implied one), then, with a rig, the same
/// world model the car builds (BEV fusion, lane fit, detection projection, tracker). Writes per image
/// <c>STEM.HEAD.png</c> masks at the image's resolution (one per segmentation head, and <c>STEM.depth.png</c>),
/// <c>STEM.overlay.png</c> and <c>STEM.detections.json</c>; with a rig <c>bev.json</c> and <c>bev.png</c>.
/// </summary>
internal static class PerceiveRunner
{
    public static int Run(PerceiveSettings settings, TextWriter output)
    {
        IReadOnlyList<StillImage> images = StillImageLoader.Load(settings.Images);
        CameraRig? rig = settings.RigPath is null ? null : PerceiveRig.Load(settings.RigPath, images);
        string[] cameras = images.Select(i => i.CameraName).ToArray();
        int w = images[0].WidthPx, h = images[0].HeightPx;
        double[] focal = rig is null ? [] : PerceiveRig.FocalYPx(rig);
        var options = new InferenceOptions { ModelPath = settings.ModelPath };
        using ForeignModelEngine engine = settings.ManifestPath is null
            ? ForeignModelEngine.OpenContract(options, cameras, w, h, focal, MonotonicClock.Instance, output)
            : ForeignModelEngine.Open(options, ModelManifestFile.Load(settings.ManifestPath), cameras, w, h, focal, MonotonicClock.Instance, output);

        PerceptionFrameSet results = engine.CreateResults();
        var maps = new ImageMaps(engine.Heads, w, h, cameras.Length);
        long startNs = MonotonicClock.Instance.NowNs;
        engine.Run(new MemoryFrames(images.Select(i => (ReadOnlyMemory<byte>)i.Rgb24).ToArray(), startNs), results, observer: maps);
        double elapsedMs = (MonotonicClock.Instance.NowNs - startNs) / 1e6;

        Directory.CreateDirectory(settings.OutputFolder);
        IReadOnlyList<string> classes = engine.Heads.ClassNames;
        output.WriteLine(FormattableString.Invariant(
            $"perceive: {Path.GetFileName(settings.ModelPath)} ({(settings.ManifestPath is null ? "contract HydraNet" : "manifest " + Path.GetFileName(settings.ManifestPath))}, {engine.Provider}) on {images.Count} image(s) of {w}x{h}: {elapsedMs:0.0} ms"));
        for (int c = 0; c < images.Count; c++)
        {
            WriteImage(settings, engine, results, maps, images[c], c, classes, output);
        }

        if (rig is not null)
        {
            WriteBev(settings, engine, results, rig, cameras, classes, output);
        }

        return 0;
    }

    private static void WriteImage(
        PerceiveSettings settings, ForeignModelEngine engine, PerceptionFrameSet results, ImageMaps maps, StillImage image, int camera,
        IReadOnlyList<string> classes, TextWriter output)
    {
        string stem = Path.Combine(settings.OutputFolder, image.OutputStem);
        ReadOnlySpan<float> drivable = ReadOnlySpan<float>.Empty, lanes = ReadOnlySpan<float>.Empty;
        for (int i = 0; i < engine.Heads.SegmentationCount; i++)
        {
            SegmentationHeadSpec spec = engine.Heads.Segmentation(i);
            float[] mask = maps.Segmentation[camera][i];
            PerceivePngs.WriteMask($"{stem}.{SafeName(spec.TargetName)}.png", mask, image.WidthPx, image.HeightPx);
            if (spec.Target == SegmentationTarget.Drivable && drivable.IsEmpty)
            {
                drivable = mask;
            }
            else if (spec.Target == SegmentationTarget.Lanes && lanes.IsEmpty)
            {
                lanes = mask;
            }
        }

        if (maps.DepthM[camera] is float[] depth)
        {
            PerceivePngs.WriteDepth($"{stem}.depth.png", depth, image.WidthPx, image.HeightPx);
        }

        ReadOnlySpan<Detection> detections = results.Cameras[camera].Detections;
        PerceivePngs.WriteOverlay($"{stem}.overlay.png", image, drivable, lanes, detections, classes);
        PerceiveJson.WriteDetections($"{stem}.detections.json", image, settings.ModelPath, settings.ManifestPath, classes, detections);
        int sized = 0, mapped = 0, model = 0;
        foreach (Detection d in detections)
        {
            sized += d.Range == RangeSource.SizePrior ? 1 : 0;
            mapped += d.Range == RangeSource.DepthMap ? 1 : 0;
            model += d.Range == RangeSource.ObjectDepth ? 1 : 0;
        }

        output.WriteLine(FormattableString.Invariant(
            $"  {image.CameraName}: {detections.Length} detection(s) (range: {model} model depth, {mapped} depth map, {sized} size prior, {detections.Length - model - mapped - sized} ground contact), {engine.Heads.SegmentationCount} mask(s){(maps.DepthM[camera] is null ? string.Empty : " + depth")} → {stem}.*"));
    }

    private static void WriteBev(
        PerceiveSettings settings, ForeignModelEngine engine, PerceptionFrameSet results, CameraRig rig, string[] cameras,
        IReadOnlyList<string> classes, TextWriter output)
    {
        int stride = engine.Binding.Manifest.MapStridePx;
        WorldModelBuilder world = WorldModelBuilderFactory.ForCapture(rig, engine.Preprocessor.FrameWidthPx, engine.Preprocessor.FrameHeightPx, stride, classes);
        var snapshot = default(WorldModelSnapshot);
        world.Update(results, default(EgoMotion), ref snapshot);
        string jsonPath = Path.Combine(settings.OutputFolder, "bev.json");
        string pngPath = Path.Combine(settings.OutputFolder, "bev.png");
        PerceiveJson.WriteBev(jsonPath, settings.RigPath!, cameras, classes, world);
        BevPngWriter.Write(pngPath, world, $"PERCEIVE {Path.GetFileName(settings.ModelPath)}");
        output.WriteLine(FormattableString.Invariant(
            $"  BEV: {world.Tracker.Tracks.Length} object(s) from {world.Projector.Total.Projected} projected detection(s), {world.Lanes.LaneCount} lane(s) → {jsonPath}, {pngPath}"));
    }

    private static string SafeName(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}

using System.Text.Json;
using Octopilot.Fusion.Objects;
using Octopilot.Fusion.Tracking;
using Octopilot.Inference.Perception;
using Octopilot.WorldModel;

namespace Octopilot.Host.Perceive;

/// <summary>
/// The JSON files of <c>perceive</c> (schemas in runtime/Octopilot.Host/README.md, "perceive"): per image its detections
/// in image pixels, with the range and where it came from; with a rig, the fused BEV objects in the ego frame.
/// </summary>
internal static class PerceiveJson
{
    public const string DetectionsFormat = "octopilot-perceive-detections/1";

    public const string BevFormat = "octopilot-perceive-bev/1";

    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static void WriteDetections(string path, StillImage image, string model, string? manifest, IReadOnlyList<string> classNames, ReadOnlySpan<Detection> detections)
    {
        using FileStream file = File.Create(path);
        using var json = new Utf8JsonWriter(file, Indented);
        json.WriteStartObject();
        json.WriteString("format", DetectionsFormat);
        json.WriteString("camera", image.CameraName);
        json.WriteString("image", Path.GetFullPath(image.Path));
        json.WriteNumber("widthPx", image.WidthPx);
        json.WriteNumber("heightPx", image.HeightPx);
        json.WriteString("model", Path.GetFullPath(model));
        if (manifest is null)
        {
            json.WriteNull("manifest");
        }
        else
        {
            json.WriteString("manifest", Path.GetFullPath(manifest));
        }

        json.WriteStartArray("detections");
        foreach (Detection d in detections)
        {
            json.WriteStartObject();
            json.WriteString("class", d.ClassIndex < classNames.Count ? classNames[d.ClassIndex] : "?");
            json.WriteNumber("classIndex", d.ClassIndex);
            json.WriteNumber("score", Math.Round(d.Score, 4));
            json.WriteStartObject("boxPx");
            // Pixel edges, as detectors and COCO write boxes (0 is the image's left edge); the detection holds centres.
            (double x1, double y1, double x2, double y2) = PixelConvention.EdgeBox(d);
            json.WriteNumber("x1", Math.Round(x1, 2));
            json.WriteNumber("y1", Math.Round(y1, 2));
            json.WriteNumber("x2", Math.Round(x2, 2));
            json.WriteNumber("y2", Math.Round(y2, 2));
            json.WriteEndObject();
            if (d.DepthM > 0)
            {
                json.WriteNumber("depthM", Math.Round(d.DepthM, 3));
            }
            else
            {
                json.WriteNull("depthM");
            }

            json.WriteString("range", RangeName(d.Range));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteBev(string path, string rigPath, IReadOnlyList<string> cameras, IReadOnlyList<string> classNames, WorldModelBuilder world)
    {
        using FileStream file = File.Create(path);
        using var json = new Utf8JsonWriter(file, Indented);
        json.WriteStartObject();
        json.WriteString("format", BevFormat);
        json.WriteString("frame", "ego (ISO 8855): x forward, y left, metres, origin on the ground under the rear axle");
        json.WriteString("rig", Path.GetFullPath(rigPath));
        json.WriteStartArray("cameras");
        foreach (string camera in cameras)
        {
            json.WriteStringValue(camera);
        }

        json.WriteEndArray();
        json.WriteStartArray("objects");
        foreach (ObjectTrack track in world.Tracker.Tracks)
        {
            json.WriteStartObject();
            json.WriteNumber("id", track.Id);
            json.WriteString("class", track.ClassId >= 1 && track.ClassId <= classNames.Count ? classNames[track.ClassId - 1] : "unknown");
            json.WriteNumber("xM", Math.Round(track.XM, 3));
            json.WriteNumber("yM", Math.Round(track.YM, 3));
            json.WriteNumber("lengthM", Math.Round(track.LengthM, 3));
            json.WriteNumber("widthM", Math.Round(track.WidthM, 3));
            json.WriteNumber("rangeM", Math.Round(Math.Sqrt((track.XM * track.XM) + (track.YM * track.YM)), 3));
            json.WriteNumber("bearingDeg", Math.Round(Math.Atan2(track.YM, track.XM) * 180 / Math.PI, 2));
            json.WriteNumber("hits", track.Hits);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        ProjectionCounters p = world.Projector.Total;
        json.WriteStartObject("projection");
        json.WriteNumber("projected", p.Projected);
        json.WriteNumber("rejectedAboveHorizon", p.RejectedAboveHorizon);
        json.WriteNumber("rejectedOutOfRange", p.RejectedOutOfRange);
        json.WriteNumber("rejectedTruncated", p.RejectedTruncated);
        json.WriteNumber("groundContactFallbacks", p.DepthFallbacks);
        json.WriteNumber("inconsistentDepths", p.InconsistentDepths);
        json.WriteEndObject();
        json.WriteStartObject("lanes");
        json.WriteNumber("laneCount", world.Lanes.LaneCount);
        json.WriteNumber("egoLaneIndex", world.Lanes.EgoLaneIndex);
        json.WriteNumber("confidence", Math.Round(world.Lanes.Confidence, 3));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static string RangeName(RangeSource range) => range switch
    {
        RangeSource.ObjectDepth => "objectDepth",
        RangeSource.DepthMap => "depthMap",
        RangeSource.SizePrior => "sizePrior",
        _ => "groundContact",
    };
}

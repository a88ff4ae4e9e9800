using System.Globalization;
using Octopilot.DriveLog.Format;
using Octopilot.Inference.Engine;
using Octopilot.Inference.Perception;

namespace Octopilot.Replay.Playback;

/// <summary>
/// The engine options of a drive recorded with model perception, as the drive ran them: the object score threshold and
/// the object range policy change which detections reach the world model, so a replay with the engine's defaults would
/// diverge from a drive that set them (a sim config with <c>objectRange: groundContact</c>, or another threshold).
/// The NMS IoU likewise changes which duplicates survive. Drives recorded before these properties were written ran the
/// defaults of their day (score 0.3, model depth, no suppression) and replay with them.
/// </summary>
public static class RecordedInferenceOptions
{
    public const string ObjectScoreThresholdProperty = "objectScoreThreshold";
    public const string ObjectRangeProperty = "objectRange";
    public const string ObjectRangeNoiseFractionProperty = "objectRangeNoiseFraction";
    public const string ObjectNmsIouProperty = "objectNmsIou";

    /// <summary>The header properties for <paramref name="options"/> (what the recorder writes).</summary>
    public static IEnumerable<KeyValuePair<string, string>> PropertiesOf(InferenceOptions options)
    {
        yield return new(ObjectScoreThresholdProperty, options.ObjectScoreThreshold.ToString("R", CultureInfo.InvariantCulture));
        yield return new(ObjectRangeProperty, options.ObjectRange.ToString());
        yield return new(ObjectNmsIouProperty, options.ObjectNmsIou.ToString("R", CultureInfo.InvariantCulture));
        if (options.ObjectRangeNoiseFraction is double noise)
        {
            yield return new(ObjectRangeNoiseFractionProperty, noise.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The model's range noise the drive's tracker used (<see cref="InferenceOptions.ObjectRangeNoiseFraction"/>); null when none was recorded.</summary>
    public static double? RangeNoiseFraction(SegmentInfo info)
    {
        if (!info.Properties.TryGetValue(ObjectRangeNoiseFractionProperty, out string? text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && value < 1
            ? value
            : throw new ReplayException($"drive {info.DriveId}: property '{ObjectRangeNoiseFractionProperty}' = '{text}' is not a fraction in (0, 1)");
    }

    /// <summary>Engine options for the replay: <paramref name="modelPath"/>, the recorded threshold, range and NMS IoU, one intra-op thread count.</summary>
    public static InferenceOptions For(SegmentInfo info, string modelPath, int intraOpThreads)
    {
        float threshold = InferenceOptions.DefaultObjectScoreThreshold;
        if (info.Properties.TryGetValue(ObjectScoreThresholdProperty, out string? text)
            && !(float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out threshold) && threshold > 0 && threshold < 1))
        {
            throw new ReplayException($"drive {info.DriveId}: property '{ObjectScoreThresholdProperty}' = '{text}' is not a score threshold in (0, 1)");
        }

        var range = ObjectRangePolicy.ModelDepth;
        if (info.Properties.TryGetValue(ObjectRangeProperty, out string? rangeText)
            && !(Enum.TryParse(rangeText, ignoreCase: false, out range) && Enum.IsDefined(range)))
        {
            throw new ReplayException($"drive {info.DriveId}: property '{ObjectRangeProperty}' = '{rangeText}' is not one of {string.Join(", ", Enum.GetNames<ObjectRangePolicy>())}");
        }

        // A drive recorded before the property existed ran without suppression.
        float nmsIou = DetectionOverlapSuppression.Off;
        if (info.Properties.TryGetValue(ObjectNmsIouProperty, out string? nmsText)
            && !(float.TryParse(nmsText, NumberStyles.Float, CultureInfo.InvariantCulture, out nmsIou) && nmsIou > 0 && nmsIou <= 1))
        {
            throw new ReplayException($"drive {info.DriveId}: property '{ObjectNmsIouProperty}' = '{nmsText}' is not an IoU in (0, 1]");
        }

        return new InferenceOptions
        {
            ModelPath = modelPath, IntraOpThreads = intraOpThreads, ObjectScoreThreshold = threshold, ObjectRange = range, ObjectNmsIou = nmsIou,
            ObjectRangeNoiseFraction = RangeNoiseFraction(info),
        };
    }
}

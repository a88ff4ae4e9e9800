using Octopilot.Core.Statistics;

namespace Octopilot.CameraPath;

/// <summary>What the camera path did over a run, wall-clock times per frame set (this machine's, not the sim's).</summary>
public sealed class CameraPathStatistics
{
    /// <summary>Frame sets perceived (priming included).</summary>
    public long FrameSets { get; internal set; }

    /// <summary>Rendering the cameras of one set (pixels, and labels for the oracle).</summary>
    public LogHistogram Render { get; } = new();

    /// <summary>The driving perception: oracle decode, or the HydraNet run + decode.</summary>
    public LogHistogram Perception { get; } = new();

    /// <summary>The HydraNet in shadow (oracle drives): run + decode, kept for comparison.</summary>
    public LogHistogram ShadowInference { get; } = new();

    /// <summary>Fusion, lane fit, detection projection, tracking and the snapshot.</summary>
    public LogHistogram WorldModel { get; } = new();

    /// <summary>Detections the shadow model reported, over all cameras and sets.</summary>
    public long ShadowDetections { get; internal set; }

    /// <summary>Detections the oracle reported over the same sets (the shadow comparison's reference).</summary>
    public long OracleDetections { get; internal set; }

    /// <summary>Sum over shadow sets of the mean absolute difference between the model's and the oracle's lanes maps.</summary>
    public double ShadowLanesMeanAbsDifferenceSum { get; internal set; }

    /// <summary>Mean absolute lanes-map difference of the shadow model against the oracle, [0, 1]; NaN without a shadow.</summary>
    public double ShadowLanesMeanAbsDifference => ShadowInference.Count > 0 ? ShadowLanesMeanAbsDifferenceSum / ShadowInference.Count : double.NaN;
}

using Octopilot.Core.Calibration;
using Octopilot.Core.Frames;
using Octopilot.WorldModel;

namespace Octopilot.CameraPath;

/// <summary>How the closed loop's cameras capture and perceive; defaults match `octopilot sim` (runtime/config/sim-default.json).</summary>
public sealed record CameraPathOptions
{
    /// <summary>Rendered frame size and rate: the sim's default mode (perception every 1/15 s).</summary>
    public static readonly CameraMode DefaultMode = new(384, 288, PixelFormat.Rgb24, 15);

    /// <summary>Class list of the oracle when no model is loaded (the contract HydraNet's, onnx/CONTRACT.md).</summary>
    public static readonly IReadOnlyList<string> DefaultClassNames = ["vehicle", "pedestrian", "cyclist"];

    /// <summary>
    /// Start of frame → world model available to the planner, s. 50 ms: what `octopilot sim` measured from the newest
    /// start of frame to decoded perception with the HydraNet on this machine (p50 38 ms, p99 48 ms; bench/README.md),
    /// plus fusion and tracking. The planner's stale bound (0.2 s) is far above it.
    /// </summary>
    public const double DefaultPerceptionLatencyS = 0.05;

    /// <summary>Frames perceived before the first tick (from the traffic's extrapolated past), so tracks are confirmed at t = 0.</summary>
    public const int DefaultPrimeFrames = 6;

    /// <summary>Map stride of the oracle when no model sets it (the contract HydraNet's).</summary>
    public const int DefaultOracleStride = 4;

    /// <summary>The rig in batch order, at its calibrated resolution (scaled to <see cref="Mode"/> here).</summary>
    public required CameraRig Rig { get; init; }

    public CameraMode Mode { get; init; } = DefaultMode;

    public PerceptionSource Perception { get; init; } = PerceptionSource.Oracle;

    public int OracleStride { get; init; } = DefaultOracleStride;

    public IReadOnlyList<string> ClassNames { get; init; } = DefaultClassNames;

    /// <summary>Detections per camera the oracle reports at most (the model's K when a model is loaded).</summary>
    public int MaxDetectionsPerCamera { get; init; } = 32;

    public double PerceptionLatencyS { get; init; } = DefaultPerceptionLatencyS;

    public int PrimeFrames { get; init; } = DefaultPrimeFrames;

    public WorldModelOptions WorldModel { get; init; } = new();
}

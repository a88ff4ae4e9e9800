using Octopilot.Inference.Perception;
using Octopilot.Inference.Providers;

namespace Octopilot.Inference.Engine;

/// <summary>
/// How to load and run a HydraNet. Immutable; validated once by <see cref="Validate"/> when the engine is created.
/// </summary>
public sealed record InferenceOptions
{
    /// <summary>Default score threshold for decoded objects: CenterNet's usual operating point.</summary>
    public const float DefaultObjectScoreThreshold = 0.3f;

    public required string ModelPath { get; init; }

    /// <summary>A model manifest (onnx/README.md, "Model manifests"): run a foreign model through it; null: a contract HydraNet.</summary>
    public string? ManifestPath { get; init; }

    /// <summary>Providers to try, in order; the first that loads wins. CPU is always the last resort.</summary>
    public IReadOnlyList<ExecutionProviderKind> Providers { get; init; } = [ExecutionProviderKind.Cpu];

    /// <summary>When set, starting on any other provider is an error instead of a logged fallback.</summary>
    public ExecutionProviderKind? RequiredProvider { get; init; }

    /// <summary>ORT intra-op threads; 0 lets ORT choose (one per physical core).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>ORT inter-op threads (only used by parallel execution mode; HydraNets run sequentially).</summary>
    public int InterOpThreads { get; init; } = 1;

    /// <summary>
    /// ORT's `session.intra_op.allow_spinning`: spinning worker threads cut latency by tens of µs per op but burn a core
    /// each while idle. Off by default: the capture threads and the planner tick share the cores.
    /// </summary>
    public bool AllowSpinning { get; init; }

    /// <summary>Where ORT writes the graph it optimised, reused at the next start; null: no cache.</summary>
    public string? OptimizedModelCacheDirectory { get; init; }

    /// <summary>TensorRT engine and timing cache directory (TensorRT provider only).</summary>
    public string? TensorRtCacheDirectory { get; init; }

    /// <summary>Folder holding a locally built libonnxruntime.so to load instead of the package's (Jetson); null: the package's.</summary>
    public string? NativeLibraryDirectory { get; init; }

    public int DeviceId { get; init; }

    public float ObjectScoreThreshold { get; init; } = DefaultObjectScoreThreshold;

    /// <summary>
    /// IoU above which a contract model's lower-scoring detection of the same class is dropped as a duplicate
    /// (<see cref="DetectionOverlapSuppression"/>); <see cref="DetectionOverlapSuppression.Off"/> (1) keeps every peak.
    /// </summary>
    public float ObjectNmsIou { get; init; } = DetectionOverlapSuppression.DefaultIouThreshold;

    /// <summary>Which range the contract model's detections carry into the BEV projector (<see cref="ObjectRangePolicy"/>).</summary>
    public ObjectRangePolicy ObjectRange { get; init; } = ObjectRangePolicy.ModelDepth;

    /// <summary>
    /// This model's range error as a fraction of range (1 sigma), which the object tracker takes as the radial noise of
    /// its detections; null: the tracker's default (2 %, sized for oracle boxes). Not used by the engine: it travels
    /// with the model's settings because it is measured on the model (<c>octopilot model evaluate</c>, BEV position
    /// error). A tracker that believes a model's 6–10 % error to be 2 % gates the next measurement of a car out, drops
    /// the track and starts another with a guessed speed: a lead whose gap and speed jump.
    /// </summary>
    public double? ObjectRangeNoiseFraction { get; init; }

    public void Validate()
    {
        if (Providers.Count == 0)
        {
            throw new ArgumentException("at least one execution provider must be listed (cpu, cuda, tensorrt)", nameof(Providers));
        }

        if (IntraOpThreads < 0 || InterOpThreads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(IntraOpThreads), "thread counts must be >= 0 (0: ORT chooses)");
        }

        if (ObjectRangeNoiseFraction is double noise && !(noise > 0 && noise < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ObjectRangeNoiseFraction), noise, "object range noise fraction must be in (0, 1)");
        }

        if (!(ObjectNmsIou > 0 && ObjectNmsIou <= DetectionOverlapSuppression.Off))
        {
            throw new ArgumentOutOfRangeException(nameof(ObjectNmsIou), ObjectNmsIou, "object NMS IoU must be in (0, 1] (1: no suppression)");
        }

        if (!(ObjectScoreThreshold > 0 && ObjectScoreThreshold < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ObjectScoreThreshold), ObjectScoreThreshold, "object score threshold must be in (0, 1)");
        }
    }
}

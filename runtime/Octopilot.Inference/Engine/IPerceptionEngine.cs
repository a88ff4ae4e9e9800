using Octopilot.Inference.Perception;
using Octopilot.Inference.Providers;
using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Slabs;

namespace Octopilot.Inference.Engine;

/// <summary>
/// What the live pipeline needs from perception, whichever model runs: the contract HydraNet on the zero-copy
/// <see cref="InferenceEngine"/>, or a foreign model described by a manifest on <c>ForeignModel.ForeignModelEngine</c>
/// (one fused preprocessing copy per frame). Both fill the same <see cref="PerceptionFrameSet"/>, so the world model,
/// fusion and planner do not know which ran. Lifetime: open (factory), <see cref="WarmUp"/>, <see cref="Bind"/> once
/// per slab pool, <see cref="Run"/> per set on one inference thread, Dispose before the pool.
/// </summary>
public interface IPerceptionEngine : IDisposable
{
    ExecutionProviderKind Provider { get; }

    /// <summary>One line for logs: the model, its input and how it is fed.</summary>
    string Description { get; }

    /// <summary>Camera-frame pixels per map cell of the results (what the BEV lookup table is built for).</summary>
    int MapStridePx { get; }

    /// <summary>Detection class names in the model's index order.</summary>
    IReadOnlyList<string> ClassNames { get; }

    /// <summary>Most detections per camera in a result set.</summary>
    int MaxDetections { get; }

    InferenceCounters Counters { get; }

    /// <summary>Runs the model a few times on blank input before the cameras start (start-up only; allocates).</summary>
    void WarmUp(int runs, int batch);

    /// <summary>Checks the pool's frames against what the engine was opened for and prepares per-slab state.</summary>
    void Bind(FrameSlabPool pool, IReadOnlyList<string> cameraNames);

    PerceptionFrameSet CreateResults();

    /// <summary>Perception of the leased set into <paramref name="results"/>, valid until the next run. The lease stays the caller's.</summary>
    void Run(in FrameSetLease lease, PerceptionFrameSet results);
}

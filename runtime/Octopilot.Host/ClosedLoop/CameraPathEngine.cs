using Octopilot.Core.Calibration;
using Octopilot.Core.Time;
using Octopilot.Host.Sim;
using Octopilot.Inference.Engine;

namespace Octopilot.Host.ClosedLoop;

/// <summary>
/// Opens and warms the perception engine of one closed-loop camera-path run (`sim --scenario`, `scenario run
/// --camera-path`). One engine per run: an engine binds to one camera path's slab pool for its life.
/// </summary>
internal static class CameraPathEngine
{
    /// <summary>Runs before the scenario starts, so the first frame sets are not the ones that pay for ORT's first runs.</summary>
    private const int WarmupRuns = 2;

    public static IPerceptionEngine Open(InferenceOptions inference, SimSettings settings, CameraRig rig, TextWriter log)
    {
        IPerceptionEngine engine = PerceptionEngines.Open(
            inference, rig.Cameras.Select(c => c.Name).ToArray(), settings.Mode.WidthPx, settings.Mode.HeightPx, MonotonicClock.Instance, log);
        engine.WarmUp(WarmupRuns, rig.Count);
        return engine;
    }
}

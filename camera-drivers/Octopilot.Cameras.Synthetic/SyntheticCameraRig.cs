using Octopilot.Core.Calibration;
using Octopilot.Core.Time;

namespace Octopilot.Cameras.Synthetic;

/// <summary>Builds one <see cref="SyntheticCamera"/> per rig camera over a shared world, with staggered frame phases.</summary>
public static class SyntheticCameraRig
{
    /// <summary>
    /// Default start-of-frame offset between consecutive cameras, ns: 1.3 ms spreads 8 cameras over about 9 ms, well
    /// inside one 15 fps period (66.7 ms), like free-running imagers that share a loose trigger.
    /// </summary>
    public const long DefaultPhaseStepNs = 1_300_000;

    /// <summary>Loads a scenario file and builds its world with the default lane-following ego.</summary>
    public static HighwayWorld LoadWorld(string scenarioPath, IEgoMotion? egoMotion = null) =>
        new(ScenarioFile.Load(scenarioPath), egoMotion);

    /// <summary>
    /// One camera per rig entry, in rig (batch) order; camera i starts its frames at simStartNs + i·phaseStepNs.
    /// The cameras are not open yet; each capture thread opens its own.
    /// </summary>
    public static SyntheticCamera[] Create(CameraRig rig, HighwayWorld world, IClock clock, long simStartNs, long phaseStepNs = DefaultPhaseStepNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(phaseStepNs);
        var cameras = new SyntheticCamera[rig.Count];
        for (int i = 0; i < rig.Count; i++)
        {
            cameras[i] = new SyntheticCamera(rig[i], world, clock, simStartNs, i * phaseStepNs);
        }

        return cameras;
    }
}

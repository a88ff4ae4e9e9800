using Octopilot.CameraPath;
using Octopilot.Core.Calibration;
using Octopilot.Host.Sim;
using Octopilot.WorldModel;

namespace Octopilot.Host.ClosedLoop;

/// <summary>
/// The camera path's options for one closed-loop run (`sim --scenario`, `scenario run --camera-path`): the settings'
/// capture mode, and when the model drives, its range noise for the tracker (oracle boxes keep the tracker's default).
/// </summary>
internal static class CameraPathRunOptions
{
    public static CameraPathOptions For(SimSettings settings, CameraRig rig, PerceptionSource perception) => new()
    {
        Rig = rig,
        Mode = settings.Mode,
        Perception = perception,
        WorldModel = WorldModelOptions.ForRangeNoise(perception == PerceptionSource.Model ? settings.Inference?.ObjectRangeNoiseFraction : null),
    };
}

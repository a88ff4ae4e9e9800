using Octopilot.Planner.Inputs;
using Octopilot.WorldModel;

namespace Octopilot.CameraPath;

/// <summary>Sees every world model the camera path builds (status lines, BEV pictures). Called on the loop's thread.</summary>
public interface ICameraPathObserver
{
    /// <param name="simTimeS">Sim time of the frame set's start of frame, s (negative while priming).</param>
    /// <param name="builder">The builder; its stages' results (BEV layers, lanes, tracks, coverage) describe this set.</param>
    /// <param name="snapshot">What the planner will get for this set.</param>
    void OnWorldModel(double simTimeS, WorldModelBuilder builder, in WorldModelSnapshot snapshot);
}

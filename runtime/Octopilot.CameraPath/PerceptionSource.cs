namespace Octopilot.CameraPath;

/// <summary>Which perception feeds the BEV and the planner.</summary>
public enum PerceptionSource
{
    /// <summary>The synthetic cameras' ground-truth label maps, decoded like the HydraNet's heads (the HydraNet, when loaded, runs in shadow).</summary>
    Oracle = 0,

    /// <summary>The HydraNet's own outputs on the rendered pixels.</summary>
    Model = 1,
}

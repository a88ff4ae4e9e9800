namespace Octopilot.Host.ClosedLoop;

/// <summary>Which perceptions a camera-path suite drives each scenario with, besides ground truth.</summary>
internal sealed record CameraPathSuiteOptions
{
    /// <summary>Oracle perception (label maps) through the cameras, BEV and tracker: the method's own floor.</summary>
    public bool RunOracle { get; init; } = true;

    /// <summary>The HydraNet's perception: camera pixels in, control out, no ground truth in the loop.</summary>
    public bool RunModel { get; init; } = true;
}

namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>
/// Lane keeping quality from <paramref name="FromS"/> on, over the ticks the planner steers outside a lane change: the
/// rear axle's offset from its lane's centre has RMS ≤ <paramref name="RmsMaxM"/> and never exceeds <paramref name="MaxM"/>.
/// </summary>
public sealed record LaneKeepingExpectation(double FromS, double RmsMaxM, double MaxM)
{
    /// <summary>Source: issue #8 acceptance (ground-truth world model on curved roads).</summary>
    public const double DefaultRmsMaxM = 0.2;

    /// <summary>Source: issue #8 acceptance.</summary>
    public const double DefaultMaxM = 0.5;
}

using Octopilot.Planner.Inputs;

namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>
/// Something the driver does at <paramref name="AtS"/>. Null members are left unchanged. A lane-change request is held
/// until the planner reports the procedure Done or Cancelled (then released, as a driver lets go of the stalk) or until
/// a later event sets it to <see cref="Side.None"/>. A resume press lasts one tick.
/// </summary>
public sealed record DriverEvent(
    double AtS,
    double? SetSpeedMps = null,
    TimeGapSetting? TimeGap = null,
    bool? Engaged = null,
    Side? LaneChange = null,
    bool Resume = false);

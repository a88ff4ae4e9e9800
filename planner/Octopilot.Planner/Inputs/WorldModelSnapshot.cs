using Octopilot.Planner.Lateral;

namespace Octopilot.Planner.Inputs;

/// <summary>
/// The world model as the planner sees it on one tick. Fields, not properties, so that a producer (fusion, the
/// simulation, a replay) can fill <see cref="Objects"/> in place without copying or allocating.
/// Lane convention: lanes are counted from the leftmost lane in the driving direction, lane 0 = leftmost,
/// so "left" is index − 1. Lanes are taken as straight and parallel to the ego x axis near the vehicle.
/// </summary>
public struct WorldModelSnapshot
{
    /// <summary>Monotonic time the snapshot describes (CLOCK_MONOTONIC ns, the same clock as <see cref="PlannerInputs.NowNs"/>).</summary>
    public long TimestampNs;

    /// <summary>The producer's own verdict; false means "do not use" (treated like a stale world model).</summary>
    public bool IsValid;

    /// <summary>Lanes in the driving direction, ≥ 1.</summary>
    public int LaneCount;

    /// <summary>Lane the ego rear axle is in, 0..LaneCount−1 (0 = leftmost). Anything else is bad input.</summary>
    public int EgoLaneIndex;

    /// <summary>Ego rear axle's lateral offset from the centre of its lane, m, positive left.</summary>
    public double EgoLateralOffsetM;

    /// <summary>Width of the ego lane, m (used for all lanes near the vehicle).</summary>
    public double LaneWidthM;

    /// <summary>
    /// Centre line of the ego lane in the ego frame (y left, origin under the rear axle); <c>default</c> (not present)
    /// when no ego lane was found. Its c0 is −<see cref="EgoLateralOffsetM"/> when both come from the same fit.
    /// Read by the lateral controller.
    /// </summary>
    public LaneCentreLine EgoCentreLine;

    /// <summary>
    /// Paint of the ego lane's left boundary (between the ego lane and lane <see cref="EgoLaneIndex"/> − 1).
    /// <see cref="LaneMarking.Unknown"/> (default) when the producer does not know it; only <see cref="LaneMarking.Solid"/>
    /// changes what the planner does.
    /// </summary>
    public LaneMarking EgoLeftBoundaryMarking;

    /// <summary>Paint of the ego lane's right boundary (between the ego lane and lane <see cref="EgoLaneIndex"/> + 1); as <see cref="EgoLeftBoundaryMarking"/>.</summary>
    public LaneMarking EgoRightBoundaryMarking;

    /// <summary>The cameras covering the left side (pillar + repeater) deliver usable data.</summary>
    public bool LeftCamerasHealthy;

    /// <summary>The cameras covering the right side (pillar + repeater) deliver usable data.</summary>
    public bool RightCamerasHealthy;

    /// <summary>The forward cameras deliver usable data (distance keep depends on them).</summary>
    public bool FrontCamerasHealthy;

    public TrackedObjectList Objects;
}

using Octopilot.Planner.Faults;
using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;

namespace Octopilot.Planner;

/// <summary>
/// Everything the planner remembers between ticks, as one plain value: copy it to snapshot, compare two runs, or replay
/// from a recorded state. <c>default</c> is the correct initial state. Fields are internal; read through the properties.
/// </summary>
public struct PlannerState
{
    internal double PreviousCommandMps2;
    internal double LastGoodSpeedMps;
    internal double LastGoodSetSpeedMps;
    internal long ResumeTicksLeft;
    internal long TakeoverTicksLeft;
    internal TakeoverReason LatchedTakeover;
    internal LaneChangeMemory LaneChange;
    internal LateralState LateralMemory;
    internal ReasonCounters<InputFault> Faults;
    internal InputFaultDetail LastFaultDetail;
    internal long StaleTickCount;
    internal long SolidBoundaryRefusalCount;
    internal long TickCount;

    public readonly long Ticks => TickCount;

    public readonly LaneChangeState LaneChangeState => LaneChange.State;

    /// <summary>The lateral controller's state after the last tick (a copy: counters, hold timer, lane change).</summary>
    public readonly LateralState Lateral => LateralMemory;

    /// <summary>The command of the last tick, m/s²: the jerk limiter's starting point.</summary>
    public readonly double PreviousCommandAccelMps2 => PreviousCommandMps2;

    /// <summary>Ticks rejected for this fault kind since start.</summary>
    public readonly long FaultCount(InputFault fault) => Faults[fault];

    /// <summary>Ticks rejected for any input fault since start.</summary>
    public readonly long TotalFaultCount => Faults.Total;

    /// <summary>Ticks on which the world model was stale (older than the bound) or marked invalid.</summary>
    public readonly long StaleTicks => StaleTickCount;

    /// <summary>Lane-change procedures cancelled because the boundary toward the target lane was solid (<see cref="LaneChangeReason.SolidBoundary"/>).</summary>
    public readonly long SolidBoundaryRefusals => SolidBoundaryRefusalCount;

    /// <summary>The most recent input fault (kept after later valid ticks); describe it with <see cref="InputValidator.Describe"/>.</summary>
    public readonly InputFaultDetail LastFault => LastFaultDetail;
}

using Octopilot.Planner.Faults;
namespace Octopilot.Planner.Lateral;

/// <summary>
/// Everything the lateral controller remembers between ticks, as one plain value (copy to snapshot, compare, replay).
/// <c>default</c> is the correct initial state (not engaged). Fields are internal; read through the properties.
/// </summary>
public struct LateralState
{
    internal double PreviousCurvaturePerM;
    internal double LastGoodSpeedMps;
    internal double LastGoodYawRateRadps;
    internal bool WasEngaged;
    internal bool TakeoverLatched;
    internal double HoldElapsedS;
    internal double CurvatureLimitedS;

    // Last accepted centre line and the ego pose relative to the ego frame it was measured in (dead reckoning).
    internal bool HasLastGood;
    internal LaneCentreLine LastGood;
    internal double SinceGoodXM;
    internal double SinceGoodYM;
    internal double SinceGoodHeadingRad;

    // Previous finite centre line, for the jump check.
    internal bool HasPrevious;
    internal LaneCentreLine Previous;
    internal bool PreviousWasJump;

    // Lane change.
    internal bool LaneChangeActive;
    internal QuinticLaneChangeTrajectory LaneChange;
    internal double LaneChangeElapsedS;

    /// <summary>Offset taken off the trajectory once the world model re-assigns the ego lane to the target lane, m.</summary>
    internal double LaneChangeShiftM;
    internal bool LaneChangeShifted;

    internal ReasonCounters<LateralReason> Counters;
    internal long TickCount;

    public readonly long Ticks => TickCount;

    /// <summary>The curvature request of the last tick, 1/m: the rate limiter's starting point.</summary>
    public readonly double PreviousCurvature => PreviousCurvaturePerM;

    /// <summary>Time spent holding on the last good path in the current drop-out, s.</summary>
    public readonly double HoldElapsed => HoldElapsedS;

    public readonly bool TakeoverLatchedNow => TakeoverLatched;

    public readonly bool LaneChangeRunning => LaneChangeActive;

    /// <summary>Lane-change time progress 0..1 (0 when none is running).</summary>
    public readonly double LaneChangeProgress => LaneChangeActive ? LaneChange.Progress(LaneChangeElapsedS) : 0;

    /// <summary>Ticks rejected or limited for this reason since start.</summary>
    public readonly long Count(LateralReason reason) => Counters[reason];

    /// <summary>Ticks rejected or limited for any reason since start.</summary>
    public readonly long TotalCount => Counters.Total;
}

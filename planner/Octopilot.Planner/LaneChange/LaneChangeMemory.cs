using Octopilot.Planner.Inputs;

namespace Octopilot.Planner.LaneChange;

/// <summary>The lane-change state carried from tick to tick. Time is counted in ticks so replay is exact.</summary>
internal struct LaneChangeMemory
{
    public LaneChangeState State;

    /// <summary>Side of the active procedure; None in Idle.</summary>
    public Side Direction;

    /// <summary>Target lane index, −1 when none.</summary>
    public int TargetLane;

    /// <summary>Ticks since the procedure started (entry into Requested).</summary>
    public long ProcedureTicks;

    /// <summary>Consecutive ticks (up to this one) the boundary toward <see cref="Direction"/> has read solid.</summary>
    public long SolidTicks;

    /// <summary>Consecutive ticks (up to this one) the world model has shown no lane toward <see cref="Direction"/>.</summary>
    public long MissingLaneTicks;

    /// <summary>Ticks since lateral movement started (entry into Changing).</summary>
    public long LateralTicks;

    /// <summary>Lane width frozen when lateral movement starts, m: the path must not jump if the estimate wobbles.</summary>
    public double LaneWidthAtStartM;

    /// <summary>Current lateral target from the origin lane centre, m, positive left.</summary>
    public double OffsetM;

    /// <summary>Progress 0..1 along the lateral path.</summary>
    public double Progress;

    public double AbortFromOffsetM;
    public double AbortDurationS;
    public long AbortTicks;

    public readonly double DirectionSign => Direction == Side.Left ? 1.0 : -1.0;

    public readonly bool IsActive => State is LaneChangeState.Requested or LaneChangeState.WaitingForGap
        or LaneChangeState.SeekingGap or LaneChangeState.Changing or LaneChangeState.Aborting;
}

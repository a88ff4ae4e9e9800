using System.Diagnostics.CodeAnalysis;
using static Octopilot.Planner.LaneChange.LaneChangeReason;
using static Octopilot.Planner.LaneChange.LaneChangeState;

namespace Octopilot.Planner.LaneChange;

/// <summary>
/// The lane-change transition table: (from, reason) → to. The state machine decides only the reason; the table decides
/// the next state, so every state change has exactly one documented row and an unlisted one is a bug (it throws).
/// </summary>
public static class LaneChangeTransitions
{
    private const byte NoTransition = byte.MaxValue;

    // Declared before Lookup: static initialisers run in text order and Lookup is built from these rows.
    private static readonly LaneChangeTransition[] RowArray =
    [
        new(Idle, DriverRequested, Requested),

        new(Requested, PreconditionsMet, WaitingForGap),
        new(Requested, DriverCancelled, Cancelled),
        new(Requested, BelowMinSpeed, Cancelled),
        new(Requested, NoTargetLane, Cancelled),
        new(Requested, CamerasUnhealthy, Cancelled),
        new(Requested, WorldModelUnusable, Cancelled),
        new(Requested, SolidBoundary, Cancelled),
        new(Requested, Disengaged, Cancelled),

        new(WaitingForGap, GapFound, Changing),
        new(WaitingForGap, NoGapWithinWait, SeekingGap),
        new(WaitingForGap, DriverCancelled, Cancelled),
        new(WaitingForGap, BelowMinSpeed, Cancelled),
        new(WaitingForGap, NoTargetLane, Cancelled),
        new(WaitingForGap, CamerasUnhealthy, Cancelled),
        new(WaitingForGap, WorldModelUnusable, Cancelled),
        new(WaitingForGap, SolidBoundary, Cancelled),
        new(WaitingForGap, NotStartedInTime, Cancelled),
        new(WaitingForGap, Disengaged, Cancelled),

        new(SeekingGap, GapFound, Changing),
        new(SeekingGap, DriverCancelled, Cancelled),
        new(SeekingGap, BelowMinSpeed, Cancelled),
        new(SeekingGap, NoTargetLane, Cancelled),
        new(SeekingGap, CamerasUnhealthy, Cancelled),
        new(SeekingGap, WorldModelUnusable, Cancelled),
        new(SeekingGap, SolidBoundary, Cancelled),
        new(SeekingGap, NotStartedInTime, Cancelled),
        new(SeekingGap, Disengaged, Cancelled),

        // Before the ego centre crosses the line an abort returns to the own lane; after it the change completes.
        // No SolidBoundary row: a change under way is not aborted because the line turned solid (or was misread as solid).
        new(Changing, Completed, Done),
        new(Changing, DriverCancelled, Aborting),
        new(Changing, TargetGapClosed, Aborting),
        new(Changing, CamerasUnhealthy, Aborting),
        new(Changing, WorldModelUnusable, Aborting),
        new(Changing, Disengaged, Cancelled),

        new(Aborting, AbortCompleted, Cancelled),
        new(Aborting, Disengaged, Cancelled),

        new(Done, RequestReleased, Idle),
        new(Cancelled, RequestReleased, Idle),
    ];

    // Dense lookup built once from Rows: [from, reason] -> to, NoTransition where no row exists.
    private static readonly byte[,] Lookup = BuildLookup();

    /// <summary>All legal transitions. Cancel reasons apply from Requested, WaitingForGap and SeekingGap alike.</summary>
    public static ReadOnlySpan<LaneChangeTransition> Rows => RowArray;

    /// <summary>The state a (from, reason) pair leads to; false when the table has no such row.</summary>
    public static bool TryGetNext(LaneChangeState from, LaneChangeReason reason, out LaneChangeState to)
    {
        byte next = Lookup[(int)from, (int)reason];
        to = (LaneChangeState)next;
        return next != NoTransition;
    }

    /// <summary>Applies a transition; throws when the table has no row for it (a state-machine bug, never input).</summary>
    internal static LaneChangeState Next(LaneChangeState from, LaneChangeReason reason)
    {
        if (!TryGetNext(from, reason, out LaneChangeState to))
        {
            ThrowNoRow(from, reason);
        }

        return to;
    }

    [DoesNotReturn]
    private static void ThrowNoRow(LaneChangeState from, LaneChangeReason reason) =>
        throw new InvalidOperationException($"lane-change table has no row for ({from}, {reason}); every transition must be listed");

    private static byte[,] BuildLookup()
    {
        var table = new byte[Enum.GetValues<LaneChangeState>().Length, Enum.GetValues<LaneChangeReason>().Length];
        for (int i = 0; i < table.GetLength(0); i++)
        {
            for (int j = 0; j < table.GetLength(1); j++)
            {
                table[i, j] = NoTransition;
            }
        }

        foreach (LaneChangeTransition row in RowArray)
        {
            table[(int)row.From, (int)row.Reason] = (byte)row.To;
        }

        return table;
    }
}

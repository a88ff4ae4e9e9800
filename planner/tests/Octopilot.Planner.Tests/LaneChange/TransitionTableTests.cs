using Octopilot.Planner.LaneChange;

namespace Octopilot.Planner.Tests.LaneChange;

public sealed class TransitionTableTests
{
    [Fact]
    public void Rows_EachFromReasonPairListedOnce()
    {
        var pairs = new HashSet<(LaneChangeState, LaneChangeReason)>();
        foreach (LaneChangeTransition row in LaneChangeTransitions.Rows)
        {
            Assert.True(pairs.Add((row.From, row.Reason)), $"duplicate row {row}");
            Assert.NotEqual(LaneChangeReason.None, row.Reason);
        }
    }

    [Fact]
    public void Rows_EveryReasonAndStateUsed()
    {
        LaneChangeTransition[] rows = LaneChangeTransitions.Rows.ToArray();
        foreach (LaneChangeReason reason in Enum.GetValues<LaneChangeReason>().Where(r => r != LaneChangeReason.None))
        {
            Assert.Contains(rows, r => r.Reason == reason);
        }

        foreach (LaneChangeState state in Enum.GetValues<LaneChangeState>())
        {
            Assert.Contains(rows, r => r.From == state);
            Assert.Contains(rows, r => r.To == state);
        }
    }

    [Fact]
    public void TryGetNext_UnlistedPair_False() =>
        Assert.False(LaneChangeTransitions.TryGetNext(LaneChangeState.Idle, LaneChangeReason.Completed, out _));
}

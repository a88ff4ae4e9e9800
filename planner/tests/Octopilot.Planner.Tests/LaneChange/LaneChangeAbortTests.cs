using Octopilot.Planner.Inputs;
using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Tests.Infrastructure;
using static Octopilot.Planner.LaneChange.LaneChangeReason;

namespace Octopilot.Planner.Tests.LaneChange;

public sealed class LaneChangeAbortTests
{
    [Fact]
    public void Step_RearGapClosesBeforeCrossing_AbortsBackToOwnLane()
    {
        var planner = new Planner(Road.Options);
        var recorder = new Recorder();
        int changingAt = 1_000_000; // set when the lateral move starts
        double peakOffsetM = 0;
        PlannerInputs Inputs(int i)
        {
            PlannerInputs inputs = Road.Inputs(25, signal: Side.Left);
            // A fast car appears 10 m behind in the target lane 0.5 s into the lateral move.
            return i > changingAt + 50 ? inputs.With(Road.CarBehind(1, 10, 32, lane: 0)) : inputs;
        }

        var output = Drive.Run(planner, Drive.Seconds(6), Inputs, (i, o) =>
        {
            recorder.Observe(i, o);
            if (o.LaneChangeTransition == GapFound)
            {
                changingAt = i;
            }

            peakOffsetM = Math.Max(peakOffsetM, o.LateralTargetOffsetM);
        });

        Assert.Equal([DriverRequested, PreconditionsMet, GapFound, TargetGapClosed, AbortCompleted], recorder.Reasons);
        Assert.True(peakOffsetM < Road.LaneWidthM / 2, $"aborted after crossing: peak {peakOffsetM}");
        Assert.Equal(LaneChangeState.Cancelled, output.LaneChangeState);
        Assert.Equal(0, output.LateralTargetOffsetM);
    }

    [Fact]
    public void Step_GapClosesAfterCrossing_CompletesTheChange()
    {
        var planner = new Planner(Road.Options);
        var recorder = new Recorder();
        int changingAt = 1_000_000; // set when the lateral move starts
        Drive.Run(planner, Drive.Seconds(7), i =>
        {
            PlannerInputs inputs = Road.Inputs(25, signal: Side.Left);
            return i > changingAt + 250 ? inputs.With(Road.CarBehind(1, 10, 32, lane: 0)) : inputs;
        }, (i, o) =>
        {
            recorder.Observe(i, o);
            if (o.LaneChangeTransition == GapFound)
            {
                changingAt = i;
            }
        });

        Assert.Contains(Completed, recorder.Reasons);
        Assert.DoesNotContain(TargetGapClosed, recorder.Reasons);
    }
}

using Octopilot.Planner.Inputs;
using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Tests.Infrastructure;
using static Octopilot.Planner.LaneChange.LaneChangeReason;

namespace Octopilot.Planner.Tests.LaneChange;

public sealed class LaneChangeCancelTests
{
    [Fact]
    public void Step_NoGapUntilBound_CancelledNotStartedInTime()
    {
        var planner = new Planner(Road.Options);
        var recorder = new Recorder();
        Drive.Run(planner, Drive.Seconds(Road.Options.LaneChangeCancelAfterS + 1),
            _ => Road.Inputs(25, setSpeedMps: 25, signal: Side.Left).With(Road.CarAhead(1, 30, 25, lane: 0)), recorder.Observe);

        Assert.Equal([DriverRequested, PreconditionsMet, NoGapWithinWait, NotStartedInTime], recorder.Reasons);
        Assert.Equal(Road.Options.LaneChangeCancelAfterS, (recorder.TickOf(NotStartedInTime) - recorder.TickOf(DriverRequested)) * 0.01, 1);
        Assert.Equal(LaneChangeState.Cancelled, planner.State.LaneChangeState);
    }

    [Fact]
    public void Step_DriverReleasesSignalWhileWaiting_CancelledThenIdle()
    {
        var planner = new Planner(Road.Options);
        var recorder = new Recorder();
        Drive.Run(planner, 100, i => Road.Inputs(25, signal: i < 50 ? Side.Left : Side.None)
            .With(Road.CarBehind(1, 5, 25, lane: 0)), recorder.Observe);
        Assert.Equal([DriverRequested, PreconditionsMet, DriverCancelled, RequestReleased], recorder.Reasons);
    }

    [Fact]
    public void Step_SignalHeldAfterCancel_DoesNotRestart()
    {
        var planner = new Planner(Road.Options);
        var recorder = new Recorder();
        Drive.Run(planner, 300, _ => Road.Inputs(10, signal: Side.Left), recorder.Observe);
        Assert.Equal([DriverRequested, BelowMinSpeed], recorder.Reasons);
    }
}

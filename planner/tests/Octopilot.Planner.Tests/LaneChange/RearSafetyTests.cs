using Octopilot.Planner.Inputs;
using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Tests.Infrastructure;

namespace Octopilot.Planner.Tests.LaneChange;

public sealed class RearSafetyTests
{
    [Theory]
    [InlineData(35, 25, (10 * 0.4) + (100 / 6.0) + 25)]
    [InlineData(25, 25, 25)]
    [InlineData(20, 25, 25)] // slower car behind: the time-gap term still applies
    public void RequiredGapM_R79Formula(double rearSpeedMps, double egoSpeedMps, double expectedM) =>
        Assert.Equal(expectedM, RearSafety.RequiredGapM(rearSpeedMps, egoSpeedMps), 9);

    [Fact]
    public void Step_FastCarApproachingBehindCloserThanSRear_WaitsAndNeverStarts()
    {
        var planner = new Planner(Road.Options);
        // S_rear(35 vs 25 m/s) ≈ 45.7 m; the car sits 30 m behind (held there: open loop).
        var output = Drive.Run(planner, Drive.Seconds(4),
            _ => Road.Inputs(25, signal: Side.Left).With(Road.CarBehind(1, 30, 35, lane: 0)));
        Assert.Equal(LaneChangeState.WaitingForGap, output.LaneChangeState);
        Assert.Equal(0, output.LateralTargetOffsetM);
    }

    [Fact]
    public void Step_ApproachingCarBeyondSRear_Starts()
    {
        var planner = new Planner(Road.Options);
        var output = Drive.Run(planner, Drive.Seconds(1.5),
            _ => Road.Inputs(25, signal: Side.Left).With(Road.CarBehind(1, 50, 35, lane: 0)));
        Assert.Equal(LaneChangeState.Changing, output.LaneChangeState);
    }
}

using Octopilot.Planner.Acc;
using Octopilot.Planner.Tests.Infrastructure;

namespace Octopilot.Planner.Tests.Acc;

public sealed class AccEnvelopeTests
{
    private static readonly PlannerOptions Options = Road.Options;

    [Theory]
    [InlineData(0.0, 5.0, 4.0, 5.0)]
    [InlineData(5.0, 5.0, 4.0, 5.0)]
    [InlineData(12.5, 4.25, 3.0, 3.75)]
    [InlineData(20.0, 3.5, 2.0, 2.5)]
    [InlineData(40.0, 3.5, 2.0, 2.5)]
    public void Limits_AtSpeed_InterpolateLinearlyBetween5And20Mps(double speedMps, double decel, double accel, double jerk)
    {
        Assert.Equal(decel, AccEnvelope.MaxDecelMps2(speedMps, Options), 9);
        Assert.Equal(accel, AccEnvelope.MaxAccelMps2(speedMps, Options), 9);
        Assert.Equal(jerk, AccEnvelope.MaxJerkMps3(speedMps, Options), 9);
    }
}

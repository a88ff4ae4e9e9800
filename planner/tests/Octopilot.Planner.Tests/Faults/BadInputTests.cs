using Octopilot.Planner.Faults;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Tests.Infrastructure;

namespace Octopilot.Planner.Tests.Faults;

public sealed class BadInputTests
{
    public static TheoryData<string, InputFault> Cases => new()
    {
        { "speed-nan", InputFault.NonFiniteVehicleState },
        { "setspeed-inf", InputFault.NonFiniteVehicleState },
        { "offset-nan", InputFault.NonFiniteWorldModel },
        { "object-x-nan", InputFault.NonFiniteObject },
        { "negative-lead-distance", InputFault.NegativeLeadDistance },
        { "ego-lane-unknown", InputFault.EgoLaneUnknown },
        { "object-lane-out-of-range", InputFault.ObjectLaneUnknown },
        { "lane-width-zero", InputFault.LaneGeometryInvalid },
    };

    private static PlannerInputs Bad(string kind)
    {
        PlannerInputs inputs = Road.Inputs(20);
        switch (kind)
        {
            case "speed-nan": inputs.Vehicle = inputs.Vehicle with { SpeedMps = double.NaN }; break;
            case "setspeed-inf": inputs.Vehicle = inputs.Vehicle with { Driver = inputs.Vehicle.Driver with { SetSpeedMps = double.PositiveInfinity } }; break;
            case "offset-nan": inputs.World.EgoLateralOffsetM = double.NaN; break;
            case "object-x-nan": inputs = inputs.With(Road.CarAhead(1, 30, 20) with { XM = double.NaN }); break;
            case "negative-lead-distance": inputs = inputs.With(Road.Car(1, Road.Options.EgoFrontBumperXM, 20, lane: 1)); break;
            case "ego-lane-unknown": inputs.World.EgoLaneIndex = -1; break;
            case "object-lane-out-of-range": inputs = inputs.With(Road.CarAhead(1, 30, 20) with { LaneIndex = 7 }); break;
            case "lane-width-zero": inputs.World.LaneWidthM = 0; break;
        }

        return inputs;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_BadInput_FaultReportedCountedAndSafeFallback(string kind, InputFault expected)
    {
        var planner = new Planner(Road.Options);
        PlannerOutput output = Drive.Run(planner, 200, _ => Bad(kind));
        Assert.Equal(expected, output.Fault);
        Assert.Equal(200, planner.State.FaultCount(expected));
        Assert.Equal(LongitudinalMode.Fallback, output.Mode);
        Assert.Equal(TakeoverReason.BadInput, output.TakeoverReason);
        Assert.True(double.IsFinite(output.TargetAccelMps2) && double.IsFinite(output.LateralTargetOffsetM));
        Assert.InRange(output.TargetAccelMps2, -Road.Options.FallbackDecelMps2 - 1e-9, 0);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_ValidInputAfterBad_KeepsWorking(string kind, InputFault expected)
    {
        var planner = new Planner(Road.Options);
        Drive.Run(planner, 20, _ => Bad(kind));
        PlannerOutput output = planner.Step(Road.Inputs(20, setSpeedMps: 20));
        Assert.Equal(InputFault.None, output.Fault);
        Assert.Equal(LongitudinalMode.Cruise, output.Mode);
        Assert.Equal(expected, planner.State.LastFault.Fault);
    }

    [Fact]
    public void Describe_NanObjectPosition_NamesFieldValueAndObject()
    {
        var planner = new Planner(Road.Options);
        planner.Step(Bad("object-x-nan"));
        string message = InputValidator.Describe(planner.State.LastFault);
        Assert.Contains("XM", message, StringComparison.Ordinal);
        Assert.Contains("NaN", message, StringComparison.Ordinal);
        Assert.Contains("object 0", message, StringComparison.Ordinal);
    }
}

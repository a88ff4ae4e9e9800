using Octopilot.Planner.Lateral;

namespace Octopilot.Planner.Tests.Lateral;

public sealed class LateralOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass() => new LateralOptions().Validate();

    [Theory]
    [InlineData(nameof(LateralOptions.MaxLateralAccelMps2), 7.0, "lateral option MaxLateralAccelMps2 must be in 0.5..5, got 7")]
    [InlineData(nameof(LateralOptions.HoldS), double.NaN, "lateral option HoldS must be in 0.1..2, got NaN")]
    [InlineData(nameof(LateralOptions.MaxLookAheadM), 5.0, "lateral option MaxLookAheadM must be in 8..150, got 5")]
    [InlineData(nameof(LateralOptions.LaneChangeMinDurationS), 6.0, "lateral option LaneChangeMinDurationS must be in 1..5, got 6")]
    public void Validate_OutOfRange_ThrowsNamingRuleAndValue(string name, double value, string message)
    {
        LateralOptions options = name switch
        {
            nameof(LateralOptions.MaxLateralAccelMps2) => new LateralOptions { MaxLateralAccelMps2 = value },
            nameof(LateralOptions.HoldS) => new LateralOptions { HoldS = value },
            nameof(LateralOptions.MaxLookAheadM) => new LateralOptions { MaxLookAheadM = value },
            _ => new LateralOptions { LaneChangeMinDurationS = value },
        };
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(name, e.ParamName);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_130Kph_DerivedFromAccelAndJerk()
    {
        var o = new LateralOptions();
        double v = 130 / 3.6;
        Assert.Equal(3 / (v * v), o.MaxCurvatureAtPerM(v), 1e-15);
        Assert.Equal(5 / (v * v), o.MaxCurvatureRateAtPerMS(v), 1e-15);
        Assert.Equal(v, o.LookAheadM(v), 1e-12);
        Assert.Equal(o.MinLookAheadM, o.LookAheadM(1));
        Assert.Equal(o.MaxCurvaturePerM, o.MaxCurvatureAtPerM(0));
    }
}

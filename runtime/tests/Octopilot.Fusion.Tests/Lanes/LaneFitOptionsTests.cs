using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Lanes;
using Xunit;

namespace Octopilot.Fusion.Tests.Lanes;

public class LaneFitOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        new LaneFitOptions().Validate();
    }

    public static TheoryData<LaneFitOptions, string> Broken => new()
    {
        { new LaneFitOptions { FitXMinM = 10, FitXMaxM = 10 }, "FitXMinM < FitXMaxM" },
        { new LaneFitOptions { SliceLengthM = 0 }, "SliceLengthM" },
        { new LaneFitOptions { MarkingThreshold = 1f }, "MarkingThreshold" },
        { new LaneFitOptions { PolynomialOrder = 4 }, "PolynomialOrder must be in 1..3, was 4" },
        { new LaneFitOptions { MinSupportSlices = 2 }, "MinSupportSlices must exceed" },
        { new LaneFitOptions { MinLaneWidthM = 3, MaxLaneWidthM = 3 }, "MaxLaneWidthM must be finite and > MinLaneWidthM (3)" },
        { new LaneFitOptions { MaxLanes = 0 }, "MaxLanes must be in 1..32, was 0" },
        { new LaneFitOptions { GateM = 1.3 }, "GateM must be under half of MinLaneWidthM" },
        { new LaneFitOptions { ResidualScaleM = double.NaN }, "ResidualScaleM must be finite and > 0, was NaN" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Validate_BrokenRule_ThrowsNamingIt(LaneFitOptions options, string rule)
    {
        var e = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains(rule, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ctor_BrokenOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LaneFitter(new BevGridOptions(), new LaneFitOptions { MaxLanes = 0 }));
    }

    [Fact]
    public void Fit_LayersOfAnotherGrid_Throws()
    {
        var fitter = new LaneFitter(new BevGridOptions(), new LaneFitOptions());
        var layers = new BevLayers(new BevGridOptions { CellSizeM = 0.5 });
        var e = Assert.Throws<ArgumentException>(() => fitter.Fit(layers, fitter.CreateEstimate()));
        Assert.Contains("fitter's grid", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_EstimateTooSmall_Throws()
    {
        var fitter = new LaneFitter(new BevGridOptions(), new LaneFitOptions());
        var e = Assert.Throws<ArgumentException>(() => fitter.Fit(new BevLayers(new BevGridOptions()), new LaneEstimate(3)));
        Assert.Contains("must hold 7 boundaries", e.Message, StringComparison.Ordinal);
    }
}

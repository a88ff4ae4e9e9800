using Octopilot.Host.Evaluation;

namespace Octopilot.Host.Tests.Evaluation;

public sealed class DepthErrorsTests
{
    [Fact]
    public void Add_ExactPrediction_ErrorsAreZero()
    {
        var errors = new DepthErrors();

        errors.Add([5f, 30f, 60f], [5f, 30f, 60f]);

        Assert.Equal(3, errors.Overall.Cells);
        Assert.Equal(0.0, errors.Overall.AbsRel);
        Assert.Equal(0.0, errors.Overall.RmseM);
    }

    [Fact]
    public void Add_KnownErrors_GiveExactAbsRelAndRmsePerBand()
    {
        var errors = new DepthErrors();

        // true 10 m predicted 12 (rel 0.2, err 2); true 30 predicted 24 (rel 0.2, err −6); true 0: not counted;
        // true 100 predicted 0 (the decoder's "none": rel 1, err −100): overall only.
        errors.Add([12f, 24f, 50f, 0f], [10f, 30f, 0f, 100f]);

        Assert.Equal(3, errors.Overall.Cells);
        Assert.Equal((0.2 + 0.2 + 1.0) / 3, errors.Overall.AbsRel!.Value, 9);
        Assert.Equal(Math.Sqrt((4 + 36 + 10000) / 3.0), errors.Overall.RmseM!.Value, 6);
        DepthErrorSummary near = errors.Bands.Single(b => b.Band == "0-20 m");
        Assert.Equal(1, near.Cells);
        Assert.Equal(2.0, near.RmseM!.Value, 5);
        DepthErrorSummary within40 = errors.Bands.Single(b => b.Band == "within 40 m");
        Assert.Equal(2, within40.Cells);
        Assert.Equal(Math.Sqrt(20.0), within40.RmseM!.Value, 5);
        DepthErrorSummary far = errors.Bands.Single(b => b.Band == "40-80 m");
        Assert.Equal(0, far.Cells);
        Assert.Null(far.AbsRel);
    }

    [Fact]
    public void Add_TrueDepthOnBandEdge_GoesToTheUpperBand()
    {
        var errors = new DepthErrors();

        errors.Add([20f], [20f]);

        Assert.Equal(0, errors.Bands.Single(b => b.Band == "0-20 m").Cells);
        Assert.Equal(1, errors.Bands.Single(b => b.Band == "20-40 m").Cells);
    }
}

namespace Octopilot.Planner.Tick.Tests;

public sealed class OverrunHysteresisTests
{
    [Fact]
    public void Record_BadTicksBelowThreshold_NotDegraded()
    {
        var hysteresis = new OverrunHysteresis(raiseAfterBad: 3, clearAfterGood: 2);

        Assert.False(hysteresis.Record(isBad: true));
        Assert.False(hysteresis.Record(isBad: true));
        Assert.False(hysteresis.Record(isBad: false));
        Assert.False(hysteresis.Record(isBad: true));

        Assert.False(hysteresis.IsDegraded);
    }

    [Fact]
    public void Record_ThresholdReached_RaisedOnceAndClearedOnlyAfterEnoughGoodTicks()
    {
        var hysteresis = new OverrunHysteresis(raiseAfterBad: 2, clearAfterGood: 3);

        Assert.False(hysteresis.Record(isBad: true));
        Assert.True(hysteresis.Record(isBad: true));   // raised
        Assert.False(hysteresis.Record(isBad: true));  // stays raised, no second change
        Assert.False(hysteresis.Record(isBad: false));
        Assert.False(hysteresis.Record(isBad: false));
        Assert.True(hysteresis.IsDegraded);
        Assert.True(hysteresis.Record(isBad: false));  // cleared on the third good tick

        Assert.False(hysteresis.IsDegraded);
    }

    [Fact]
    public void Record_LongBadRun_CountersDoNotOverflow()
    {
        var hysteresis = new OverrunHysteresis(raiseAfterBad: 1, clearAfterGood: 1);
        for (int i = 0; i < 10_000; i++)
        {
            hysteresis.Record(isBad: true);
        }

        Assert.True(hysteresis.Record(isBad: false));
        Assert.False(hysteresis.IsDegraded);
    }
}

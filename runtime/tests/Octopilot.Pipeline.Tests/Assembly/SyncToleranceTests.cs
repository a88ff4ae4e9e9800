using Octopilot.Core.Time;
using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Tests.Infrastructure;

namespace Octopilot.Pipeline.Tests.Assembly;

public sealed class SyncToleranceTests
{
    [Fact]
    public void TryBeginFrame_SpreadWithinTolerance_JoinsTheSameSet()
    {
        using var h = AssemblerHarness.Create(cameras: 2, toleranceMs: 5);
        h.Deliver(0, TimeUnits.MsToNs(100), nowNs: 0);
        h.Deliver(1, TimeUnits.MsToNs(105), nowNs: 0);

        Assert.True(h.Assembler.TryTakeReady(0, out FrameSetLease lease));
        using (lease)
        {
            Assert.True(lease.IsComplete);
            Assert.Equal(TimeUnits.MsToNs(5), lease.SyncSkewNs);
        }
    }

    [Fact]
    public void TryBeginFrame_SpreadBeyondTolerance_OpensASeparateSet()
    {
        using var h = AssemblerHarness.Create(cameras: 2, toleranceMs: 5, deadlineMs: 20);
        h.Deliver(0, TimeUnits.MsToNs(100), nowNs: 0);
        h.Deliver(1, TimeUnits.MsToNs(105.001), nowNs: 0);

        Assert.False(h.Assembler.TryTakeReady(0, out _), "neither set is complete and no deadline has passed");
        Assert.True(h.Assembler.TryTakeReady(TimeUnits.MsToNs(20), out FrameSetLease first));
        Assert.True(h.Assembler.TryTakeReady(TimeUnits.MsToNs(20), out FrameSetLease second));
        using (first)
        using (second)
        {
            Assert.Equal(0b10u, first.MissingMask);
            Assert.Equal(0b01u, second.MissingMask);
        }
    }

    [Fact]
    public void TryBeginFrame_ToleranceIsTheWholeSpread_NotTheDistanceToTheFirstFrame()
    {
        using var h = AssemblerHarness.Create(cameras: 3, toleranceMs: 5);
        h.Deliver(0, TimeUnits.MsToNs(100), nowNs: 0);
        h.Deliver(1, TimeUnits.MsToNs(96), nowNs: 0);

        // 104 ms is within 5 ms of the first frame but would stretch the set to 8 ms: it must open a new set.
        h.Deliver(2, TimeUnits.MsToNs(104), nowNs: 0);
        Assert.False(h.Assembler.TryTakeReady(0, out _));
    }

    [Fact]
    public void TryBeginFrame_SecondFrameOfSameCamera_NeverLandsInTheSameSet()
    {
        using var h = AssemblerHarness.Create(cameras: 2, toleranceMs: 5, deadlineMs: 20);
        h.Deliver(0, TimeUnits.MsToNs(100), nowNs: 0, sequence: 1);
        h.Deliver(0, TimeUnits.MsToNs(101), nowNs: 0, sequence: 2);

        Assert.True(h.Assembler.TryTakeReady(TimeUnits.MsToNs(20), out FrameSetLease first));
        Assert.True(h.Assembler.TryTakeReady(TimeUnits.MsToNs(20), out FrameSetLease second));
        using (first)
        using (second)
        {
            Assert.Equal(1, first.Slab.CameraSequence(0));
            Assert.Equal(2, second.Slab.CameraSequence(0));
        }
    }

    [Fact]
    public void AssemblerOptions_ToleranceOfHalfAPeriod_IsRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new AssemblerOptions(8, 20_000_000, 10_000_000, 33_333_333));
        Assert.Contains("half a frame period", e.Message, StringComparison.Ordinal);
    }
}

using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Tests.Infrastructure;

namespace Octopilot.Pipeline.Tests.Assembly;

public sealed class NewestWinsTests
{
    [Fact]
    public void TryBeginFrame_NoFreeSlab_DropsOldestUnconsumedSetAndCountsEachFrame()
    {
        using var h = AssemblerHarness.Create(cameras: 2, slabs: 3);
        h.DeliverAll(0, nowNs: 0);
        Assert.True(h.Assembler.TryTakeReady(0, out FrameSetLease held)); // the consumer is busy with set 0
        h.DeliverAll(1, nowNs: 0);
        h.DeliverAll(2, nowNs: 0);

        // Slabs: set 0 leased, sets 1 and 2 ready. Set 3 needs a slab: set 1 (oldest unstarted) is dropped.
        h.DeliverAll(3, nowNs: 0);

        Assert.Equal((4, 0, 1), h.Assembler.SetCounts());
        Assert.All(h.Assembler.Counters, c => Assert.Equal(1, c.Dropped));
        held.Dispose();
        Assert.True(h.Assembler.TryTakeReady(0, out FrameSetLease next));
        using (next)
        {
            Assert.Equal(2, next.Slab.CameraSequence(0));
        }
    }

    [Fact]
    public void TryBeginFrame_EverySlabLeasedOrBeingWritten_DropsTheIncomingFrameWithoutBlocking()
    {
        using var h = AssemblerHarness.Create(cameras: 2, slabs: 2);
        h.DeliverAll(0, nowNs: 0);
        Assert.True(h.Assembler.TryTakeReady(0, out FrameSetLease held));
        Assert.True(h.Assembler.TryBeginFrame(0, AssemblerHarness.PeriodNs, 1, 0, out FrameSlot writing));

        Assert.False(h.Deliver(1, 2 * AssemblerHarness.PeriodNs, nowNs: 0, sequence: 2));

        Assert.Equal(1, h.Assembler.Counters[1].Dropped);
        h.Assembler.CompleteFrame(writing, 0);
        held.Dispose();
    }

    [Fact]
    public void TryBeginFrame_OnlyIdleFillingSets_EvictsTheOldestOne()
    {
        using var h = AssemblerHarness.Create(cameras: 2, slabs: 2, deadlineMs: 25);
        h.Deliver(0, 0, nowNs: 0, sequence: 0);
        h.Deliver(0, AssemblerHarness.PeriodNs, nowNs: 1, sequence: 1);

        // Both slabs hold a half set; a third frame must evict the older one (newest wins), not be refused.
        Assert.True(h.Deliver(0, 2 * AssemblerHarness.PeriodNs, nowNs: 2, sequence: 2));

        Assert.Equal(1, h.Assembler.Counters[0].Dropped);
        Assert.Equal((0, 0, 1), h.Assembler.SetCounts());
    }
}

using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Tests.Infrastructure;

namespace Octopilot.Pipeline.Tests.Assembly;

/// <summary>
/// The consumer must see sets in capture order, or the world model sees time go backwards. Found by replaying a
/// recorded sim drive: a lagging camera went offline while still writing into an older set, and a newer set that was
/// complete for the remaining cameras shipped first.
/// </summary>
public class ShippingOrderTests
{
    [Fact]
    public void NewerCompleteSet_WhileAnOlderSetIsStillBeingWritten_ShipsAfterIt()
    {
        using var h = AssemblerHarness.Create(cameras: 2);
        long period = AssemblerHarness.PeriodNs;

        // Camera 1 starts writing frame 0 (set A) and is slow; camera 0 delivered frame 0 already.
        Assert.True(h.Deliver(0, 0, nowNs: 1_000_000));
        Assert.True(h.Assembler.TryBeginFrame(1, 1_000_000, 0, 2_000_000, out FrameSlot slow));

        // Camera 1 is declared offline while its write is in flight; camera 0's frame 1 (set B) is complete for the
        // cameras still online.
        h.Assembler.SetCameraOnline(1, online: false, nowNs: period);
        Assert.True(h.Deliver(0, period, nowNs: period + 1_000_000, sequence: 1));
        Assert.False(h.Assembler.TryTakeReady(period + 2_000_000, out _)); // B waits for A

        h.Assembler.CompleteFrame(slow, period + 3_000_000);

        Assert.True(h.Assembler.TryTakeReady(period + 4_000_000, out FrameSetLease first));
        Assert.True(h.Assembler.TryTakeReady(period + 4_000_000, out FrameSetLease second));
        using (first)
        using (second)
        {
            Assert.Equal(0, first.Slab.MinStartOfFrameNs);
            Assert.Equal(period, second.Slab.MinStartOfFrameNs);
            Assert.True(first.SetSequence < second.SetSequence);
        }
    }

    [Fact]
    public void SeveralIdleOlderSets_ShipOldestFirst_BeforeTheCompleteOne()
    {
        using var h = AssemblerHarness.Create(cameras: 2, slabs: 4, deadlineMs: 130);
        long period = AssemblerHarness.PeriodNs;

        // Frames 0 and 1 of camera 0 only (camera 1 lost them), then a complete frame 2.
        Assert.True(h.Deliver(0, 0, nowNs: 1_000_000, sequence: 0));
        Assert.True(h.Deliver(0, period, nowNs: period + 1_000_000, sequence: 1));
        Assert.True(h.Deliver(0, 2 * period, nowNs: (2 * period) + 1_000_000, sequence: 2));
        Assert.True(h.Deliver(1, 2 * period, nowNs: (2 * period) + 2_000_000, sequence: 2));

        var starts = new List<long>();
        while (h.Assembler.TryTakeReady((2 * period) + 3_000_000, out FrameSetLease lease))
        {
            using (lease)
            {
                starts.Add(lease.Slab.MinStartOfFrameNs);
            }
        }

        Assert.Equal([0, period, 2 * period], starts);
    }
}

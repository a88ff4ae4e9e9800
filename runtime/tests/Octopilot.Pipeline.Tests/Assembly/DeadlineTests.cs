using Octopilot.Core.Time;
using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Tests.Infrastructure;

namespace Octopilot.Pipeline.Tests.Assembly;

public sealed class DeadlineTests
{
    private static readonly long DeadlineNs = TimeUnits.MsToNs(25);

    [Fact]
    public void TryTakeReady_BeforeDeadline_HoldsIncompleteSet()
    {
        using var h = AssemblerHarness.Create(deadlineMs: 25);
        for (int camera = 0; camera < 6; camera++)
        {
            h.Deliver(camera, 0, nowNs: 1000);
        }

        Assert.False(h.Assembler.TryTakeReady(1000 + DeadlineNs - 1, out _));
    }

    [Fact]
    public void TryTakeReady_AtDeadline_ShipsIncompleteSetMarkingMissingCameras()
    {
        using var h = AssemblerHarness.Create(deadlineMs: 25);
        for (int camera = 0; camera < 6; camera++)
        {
            h.Deliver(camera, 0, nowNs: 1000);
        }

        Assert.True(h.Assembler.TryTakeReady(1000 + DeadlineNs, out FrameSetLease lease));
        using (lease)
        {
            Assert.False(lease.IsComplete);
            Assert.Equal((1u << 6) | (1u << 7), lease.MissingMask);
            Assert.True(lease.HasCamera(5));
            Assert.False(lease.HasCamera(6));
        }

        Assert.Equal((0, 1, 0), h.Assembler.SetCounts());
        Assert.Equal(1, h.Assembler.Counters[6].MissingFromSets);
        Assert.Equal(0, h.Assembler.Counters[5].MissingFromSets);
    }

    [Fact]
    public void TryTakeReady_DeadlineCountsFromFirstArrival_NotFromStartOfFrame()
    {
        using var h = AssemblerHarness.Create(deadlineMs: 25);
        long firstArrivalNs = TimeUnits.MsToNs(500);
        h.Deliver(0, startOfFrameNs: 0, nowNs: firstArrivalNs);

        Assert.False(h.Assembler.TryTakeReady(firstArrivalNs + DeadlineNs - 1, out _));
        Assert.True(h.Assembler.TryTakeReady(firstArrivalNs + DeadlineNs, out FrameSetLease lease));
        lease.Dispose();
    }

    [Fact]
    public void ShipExpired_CameraStillWritingAtDeadline_ShipsWhenItCompletes()
    {
        using var h = AssemblerHarness.Create(cameras: 2, deadlineMs: 25);
        h.Deliver(0, 0, nowNs: 0);
        Assert.True(h.Assembler.TryBeginFrame(1, 1000, 0, nowNs: 0, out FrameSlot writing));

        Assert.False(h.Assembler.TryTakeReady(DeadlineNs * 2, out _), "a slot being written must never be handed to the consumer");
        h.Assembler.CompleteFrame(writing, DeadlineNs * 2);

        Assert.True(h.Assembler.TryTakeReady(DeadlineNs * 2, out FrameSetLease lease));
        using (lease)
        {
            Assert.True(lease.IsComplete);
        }
    }

    [Fact]
    public void TryBeginFrame_FrameOfAnAlreadyShippedSet_IsLateAndRejected()
    {
        using var h = AssemblerHarness.Create(cameras: 2, deadlineMs: 25);
        h.Deliver(0, startOfFrameNs: 1_000_000, nowNs: 0);
        Assert.True(h.Assembler.TryTakeReady(DeadlineNs, out FrameSetLease lease));
        lease.Dispose();

        Assert.False(h.Deliver(1, startOfFrameNs: 1_500_000, nowNs: DeadlineNs + 1));

        Assert.Equal(1, h.Assembler.Counters[1].Late);
        Assert.Equal(0, h.Assembler.Counters[1].Captured);
        Assert.False(h.Assembler.TryTakeReady(DeadlineNs * 10, out _), "a late frame must not start a set of its own");
    }

    [Fact]
    public void AbortFrame_FailedWrite_SetShipsWithoutThatCamera()
    {
        using var h = AssemblerHarness.Create(cameras: 2, deadlineMs: 25);
        h.Deliver(0, 0, nowNs: 0);
        Assert.True(h.Assembler.TryBeginFrame(1, 0, 0, nowNs: 0, out FrameSlot failing));
        h.Assembler.AbortFrame(failing, nowNs: 0);

        Assert.True(h.Assembler.TryTakeReady(DeadlineNs, out FrameSetLease lease));
        using (lease)
        {
            Assert.Equal(0b10u, lease.MissingMask);
            Assert.Equal(0, lease.SyncSkewNs);
        }
    }

    [Fact]
    public void CompleteFrame_CompletingTwice_Throws()
    {
        using var h = AssemblerHarness.Create(cameras: 2);
        Assert.True(h.Assembler.TryBeginFrame(0, 0, 0, nowNs: 0, out FrameSlot slot));
        h.Assembler.CompleteFrame(slot, 0);

        var e = Assert.Throws<InvalidOperationException>(() => h.Assembler.CompleteFrame(slot, 0));
        Assert.Contains("already completed", e.Message, StringComparison.Ordinal);
    }
}

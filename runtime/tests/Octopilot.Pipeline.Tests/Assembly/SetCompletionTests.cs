using Octopilot.Core.Time;
using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Tests.Infrastructure;

namespace Octopilot.Pipeline.Tests.Assembly;

public sealed class SetCompletionTests
{
    [Fact]
    public void TryTakeReady_AllCamerasArrived_ShipsCompleteSetWithEachFrameInItsSlot()
    {
        using var h = AssemblerHarness.Create();
        long nowNs = 1_000_000;
        for (int camera = 0; camera < 8; camera++)
        {
            Assert.False(h.Assembler.TryTakeReady(nowNs, out _), "a set must not ship before its last camera");
            Assert.True(h.Deliver(camera, 100_000 + (camera * 1000), nowNs, sequence: 7));
        }

        Assert.True(h.Assembler.TryTakeReady(nowNs, out FrameSetLease lease));
        using (lease)
        {
            Assert.True(lease.IsComplete);
            Assert.Equal(0u, lease.MissingMask);
            Assert.Equal(7000, lease.SyncSkewNs);
            for (int camera = 0; camera < 8; camera++)
            {
                ReadOnlySpan<byte> slot = lease.Slab.Slot(camera);
                Assert.Equal(PacedCameraSource.PatternByte((byte)camera, 7), slot[0]);
                Assert.Equal(PacedCameraSource.PatternByte((byte)camera, 7), slot[^1]);
                Assert.Equal(100_000 + (camera * 1000), lease.Slab.StartOfFrameNs(camera));
                Assert.Equal(7, lease.Slab.CameraSequence(camera));
            }
        }

        Assert.Equal((1, 0, 0), h.Assembler.SetCounts());
        Assert.All(h.Assembler.Counters, c => Assert.Equal(1, c.Captured));
    }

    [Fact]
    public void TryTakeReady_ConsecutiveSets_ShipInCaptureOrderWithIncreasingSequence()
    {
        using var h = AssemblerHarness.Create();
        for (long k = 0; k < 3; k++)
        {
            h.DeliverAll(k, nowNs: k * AssemblerHarness.PeriodNs);
        }

        long previousStart = long.MinValue;
        for (long expected = 0; expected < 3; expected++)
        {
            Assert.True(h.Assembler.TryTakeReady(3 * AssemblerHarness.PeriodNs, out FrameSetLease lease));
            using (lease)
            {
                Assert.Equal(expected, lease.SetSequence);
                Assert.True(lease.Slab.MinStartOfFrameNs > previousStart);
                previousStart = lease.Slab.MinStartOfFrameNs;
            }
        }
    }

    [Fact]
    public void SetCameraOnline_CameraOffline_SetsCompleteWithoutWaitingForIt()
    {
        using var h = AssemblerHarness.Create();
        h.Assembler.SetCameraOnline(7, online: false, nowNs: 0);
        for (int camera = 0; camera < 7; camera++)
        {
            h.Deliver(camera, 0, nowNs: 1);
        }

        Assert.True(h.Assembler.TryTakeReady(nowNs: 1, out FrameSetLease lease), "an offline camera must not hold the set to its deadline");
        using (lease)
        {
            Assert.False(lease.IsComplete);
            Assert.Equal(1u << 7, lease.MissingMask);
        }

        Assert.Equal(1, h.Assembler.Counters[7].MissingFromSets);
    }
}

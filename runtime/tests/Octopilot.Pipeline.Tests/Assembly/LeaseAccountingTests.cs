using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Tests.Infrastructure;

namespace Octopilot.Pipeline.Tests.Assembly;

/// <summary>
/// 10,000 frame-set periods against a consumer that is randomly slow (holds several sets, skips turns), with cameras
/// that jitter, skip frames and arrive late. Every frame offered must be accounted for exactly once, no slot may change
/// while leased, and no lease may leak.
/// </summary>
public sealed class LeaseAccountingTests
{
    private const int Cameras = 8;
    private const int Periods = 10_000;

    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 3)]
    [InlineData(3, 6)]
    public void Assembler_TenThousandSetsWithRandomlySlowConsumer_EveryFrameAccountedAndNoLeaseLeaked(int seed, int slabs)
    {
        var random = new Random(seed);
        using var h = AssemblerHarness.Create(cameras: Cameras, slabs: slabs, toleranceMs: 5, deadlineMs: 25);
        long periodNs = AssemblerHarness.PeriodNs;
        var offered = new long[Cameras];
        var delivered = new long[Cameras];
        var held = new List<FrameSetLease>();
        var order = Enumerable.Range(0, Cameras).ToArray();
        long lastSetSequence = -1;

        for (long k = 0; k < Periods; k++)
        {
            long baseNs = k * periodNs;
            random.Shuffle(order);
            int lateCamera = random.NextDouble() < 0.04 ? order[0] : -1;
            foreach (int camera in order)
            {
                if (camera == lateCamera || random.NextDouble() < 0.01)
                {
                    continue; // the camera missed this frame, or its frame comes after the deadline (below)
                }

                offered[camera]++;
                h.Deliver(camera, baseNs + random.NextInt64(-1_000_000, 1_000_000), baseNs + (periodNs / 10), sequence: k);
            }

            long consumerNowNs = baseNs + (periodNs / 2);
            if (random.NextDouble() < 0.6 && h.Assembler.TryTakeReady(consumerNowNs, out FrameSetLease lease))
            {
                Assert.True(lease.SetSequence > lastSetSequence, "sets must reach the consumer in shipping order");
                lastSetSequence = lease.SetSequence;
                AssertSlotsIntact(lease);
                held.Add(lease);
            }

            if (lateCamera >= 0)
            {
                // 0.9 periods in: past the set's deadline (first arrival + 25 ms), so the set has shipped without it.
                offered[lateCamera]++;
                h.Deliver(lateCamera, baseNs, baseNs + (periodNs * 9 / 10), sequence: k);
            }

            // The consumer finishes held sets at random: sometimes several at once, sometimes none for a while.
            for (int i = held.Count - 1; i >= 0; i--)
            {
                if (random.NextDouble() < 0.4)
                {
                    Release(held[i], delivered);
                    held.RemoveAt(i);
                }
            }
        }

        foreach (FrameSetLease lease in held)
        {
            Release(lease, delivered);
        }

        while (h.Assembler.TryTakeReady(long.MaxValue / 2, out FrameSetLease rest))
        {
            Release(rest, delivered);
        }

        Assert.Equal(0, h.Assembler.LeasedCount);
        (long complete, long incomplete, long dropped) = h.Assembler.SetCounts();
        Assert.True(complete > Periods / 4, $"only {complete} complete sets: the test exercised too little");
        Assert.True(dropped > 0, "the slow consumer never forced a drop: the test exercised too little");
        Assert.True(incomplete > 0, "no set ever shipped at its deadline: the test exercised too little");
        for (int camera = 0; camera < Cameras; camera++)
        {
            var counters = h.Assembler.Counters[camera];
            Assert.Equal(offered[camera], delivered[camera] + counters.Dropped + counters.Late);
            Assert.InRange(counters.Captured, delivered[camera], delivered[camera] + counters.Dropped);
            Assert.True(counters.Late > 0, $"camera {camera} was never late: the test exercised too little");
        }
    }

    private static void Release(FrameSetLease lease, long[] delivered)
    {
        AssertSlotsIntact(lease);
        for (int camera = 0; camera < Cameras; camera++)
        {
            if (lease.HasCamera(camera))
            {
                delivered[camera]++;
            }
        }

        lease.Dispose();
    }

    /// <summary>Every present slot still holds exactly the frame the metadata says: nothing overwrote a leased slab.</summary>
    private static void AssertSlotsIntact(FrameSetLease lease)
    {
        for (int camera = 0; camera < Cameras; camera++)
        {
            if (!lease.HasCamera(camera))
            {
                continue;
            }

            byte expected = PacedCameraSource.PatternByte((byte)camera, lease.Slab.CameraSequence(camera));
            ReadOnlySpan<byte> slot = lease.Slab.Slot(camera);
            Assert.Equal(expected, slot[0]);
            Assert.Equal(expected, slot[slot.Length / 2]);
            Assert.Equal(expected, slot[^1]);
        }
    }
}

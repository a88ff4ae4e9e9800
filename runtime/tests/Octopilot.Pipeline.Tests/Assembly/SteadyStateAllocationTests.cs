using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Tests.Infrastructure;

namespace Octopilot.Pipeline.Tests.Assembly;

public sealed class SteadyStateAllocationTests
{
    [Fact]
    public void CaptureToSetPath_ThousandSetsAfterWarmup_AllocatesZeroManagedBytes()
    {
        using var h = AssemblerHarness.Create(cameras: 8, slabs: 4);
        long k = 0;
        void RunSets(int count)
        {
            for (int i = 0; i < count; i++, k++)
            {
                long nowNs = k * AssemblerHarness.PeriodNs;
                h.DeliverAll(k, nowNs, camera => camera * 100_000);
                if (h.Assembler.TryTakeReady(nowNs, out FrameSetLease lease))
                {
                    lease.Dispose();
                }
            }
        }

        RunSets(200);
        long before = GC.GetAllocatedBytesForCurrentThread();
        RunSets(1000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal((1200, 0, 0), h.Assembler.SetCounts());
    }
}

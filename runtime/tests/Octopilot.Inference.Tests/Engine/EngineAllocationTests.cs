using Octopilot.Inference.Engine;
using Octopilot.Pipeline.Assembly;

namespace Octopilot.Inference.Tests.Engine;

public sealed class EngineAllocationTests
{
    [Fact]
    public void Run_HundredRunsAfterWarmup_AllocateZeroManagedBytes()
    {
        using var harness = new EngineHarness(new InferenceOptions { ModelPath = TinyModelFiles.Model, IntraOpThreads = 1 }, cameras: 8);
        byte[] frame = new byte[harness.Pool[0].SlotBytes];
        new Random(3).NextBytes(frame);
        using FrameSetLease lease = harness.ShipSet(_ => frame);
        for (int i = 0; i < 10; i++)
        {
            harness.Engine.Run(lease, harness.Results);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            harness.Engine.Run(lease, harness.Results);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(110, harness.Engine.Counters.Runs);
    }
}

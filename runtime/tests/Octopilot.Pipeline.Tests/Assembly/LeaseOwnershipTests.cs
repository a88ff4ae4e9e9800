using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Tests.Infrastructure;

namespace Octopilot.Pipeline.Tests.Assembly;

public sealed class LeaseOwnershipTests
{
    [Fact]
    public void Dispose_Twice_ThrowsInsteadOfReturningTheSlabTwice()
    {
        using var h = AssemblerHarness.Create(cameras: 1);
        h.DeliverAll(0, 0);
        Assert.True(h.Assembler.TryTakeReady(0, out FrameSetLease lease));
        FrameSetLease copy = lease;
        lease.Dispose();

        var e = Assert.Throws<InvalidOperationException>(() => copy.Dispose());
        Assert.Contains("returned twice", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Assembler.LeasedCount);
    }

    [Fact]
    public void LeasedCount_TracksOutstandingLeases()
    {
        using var h = AssemblerHarness.Create(cameras: 1);
        h.DeliverAll(0, 0);
        h.DeliverAll(1, 0);
        Assert.True(h.Assembler.TryTakeReady(0, out FrameSetLease a));
        Assert.True(h.Assembler.TryTakeReady(0, out FrameSetLease b));

        Assert.Equal(2, h.Assembler.LeasedCount);
        a.Dispose();
        Assert.Equal(1, h.Assembler.LeasedCount);
        b.Dispose();
        Assert.Equal(0, h.Assembler.LeasedCount);
    }

    [Fact]
    public void PoolDispose_WithOutstandingLease_ThrowsNamingTheSlab()
    {
        var h = AssemblerHarness.Create(cameras: 1);
        h.DeliverAll(0, 0);
        Assert.True(h.Assembler.TryTakeReady(0, out FrameSetLease lease));

        var e = Assert.Throws<InvalidOperationException>(() => h.Pool.Dispose());
        Assert.Contains("still leased", e.Message, StringComparison.Ordinal);
        lease.Dispose();
        h.Dispose();
    }
}

using Octopilot.Core.Threading;

namespace Octopilot.Planner.Realtime.Tests;

public sealed class LatestValueMailboxTests
{
    private struct Wide
    {
        public long A;
        public long B;
        public long C;
        public long D;
        public long E;
        public long F;
        public long G;
        public long H;

        public static Wide Of(long v) => new() { A = v, B = v, C = v, D = v, E = v, F = v, G = v, H = v };

        public readonly bool IsConsistent => A == B && B == C && C == D && D == E && E == F && F == G && G == H;
    }

    [Fact]
    public void TryRead_NothingPublished_ReturnsFalseWithVersionZero()
    {
        var mailbox = new LatestValueMailbox<Wide>();

        Assert.False(mailbox.TryRead(out _, out int version));
        Assert.Equal(0, version);
    }

    [Fact]
    public void TryRead_AfterPublishes_ReturnsTheNewestWithItsVersion()
    {
        var mailbox = new LatestValueMailbox<Wide>();
        mailbox.Publish(Wide.Of(1));
        mailbox.Publish(Wide.Of(2));

        Assert.True(mailbox.TryRead(out Wide value, out int version));
        Assert.Equal(2, value.A);
        Assert.Equal(2, version);
    }

    [Fact]
    public void TryRead_WhileAnotherThreadPublishes_NeverSeesATornValue()
    {
        var mailbox = new LatestValueMailbox<Wide>();
        mailbox.Publish(Wide.Of(0));
        using var stop = new CancellationTokenSource();
        var writer = new Thread(() =>
        {
            long v = 1;
            while (!stop.IsCancellationRequested)
            {
                mailbox.Publish(Wide.Of(v++));
            }
        });
        writer.Start();
        long reads = 0, gaveUp = 0, last = 0;
        try
        {
            for (int i = 0; i < 500_000; i++)
            {
                if (mailbox.TryRead(out Wide value, out int version))
                {
                    Assert.True(value.IsConsistent, $"torn read: {value.A} {value.B} {value.C} {value.D} {value.E} {value.F} {value.G} {value.H}");
                    Assert.True(value.A >= last, "values must never go back in time");
                    last = value.A;
                    reads++;
                }
                else
                {
                    Assert.Equal(-1, version);
                    gaveUp++;
                }
            }
        }
        finally
        {
            stop.Cancel();
            writer.Join();
        }

        Assert.True(reads > 0, $"no successful read in 500,000 tries ({gaveUp} gave up)");
    }
}

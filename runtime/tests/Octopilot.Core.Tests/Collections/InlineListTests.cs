using System.Runtime.CompilerServices;
using Octopilot.Core.Collections;

namespace Octopilot.Core.Tests.Collections;

public sealed class InlineListTests
{
    [InlineArray(3)]
    private struct ThreeLongs
    {
        private long _element0;
    }

    [Fact]
    public void TryAdd_PastTheBufferLength_IsRefusedAndKeepsTheItems()
    {
        var list = new InlineList<long, ThreeLongs>();

        Assert.Equal(3, list.Capacity);
        Assert.True(list.TryAdd(10));
        Assert.True(list.TryAdd(20));
        Assert.True(list.TryAdd(30));
        Assert.False(list.TryAdd(40));

        Assert.Equal(3, list.Count);
        Assert.Equal(new long[] { 10, 20, 30 }, list.AsSpan().ToArray());
        Assert.Equal(20, list[1]);
    }

    [Fact]
    public void Indexer_PastCount_ThrowsNamingTheRange()
    {
        var list = new InlineList<long, ThreeLongs>();
        list.TryAdd(1);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => list[1]);
        Assert.Contains("0..0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Copy_IsAnIndependentValue()
    {
        var list = new InlineList<long, ThreeLongs>();
        list.TryAdd(1);
        InlineList<long, ThreeLongs> copy = list;
        copy.TryAdd(2);
        list.Clear();

        Assert.Equal(0, list.Count);
        Assert.Equal(new long[] { 1, 2 }, copy.AsSpan().ToArray());
    }
}

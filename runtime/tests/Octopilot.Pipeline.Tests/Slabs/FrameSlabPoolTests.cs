using Octopilot.Core.Frames;
using Octopilot.Pipeline.Slabs;

namespace Octopilot.Pipeline.Tests.Slabs;

public sealed class FrameSlabPoolTests
{
    [Fact]
    public unsafe void Constructor_EverySlab_Is64ByteAlignedAndLaidOutAsNhwc()
    {
        var mode = new CameraMode(384, 288, PixelFormat.Rgb24, 15);
        using var pool = new FrameSlabPool(4, 8, mode);

        Assert.Equal(4L * 8 * 384 * 288 * 3, pool.TotalBytes);
        for (int i = 0; i < pool.SlabCount; i++)
        {
            FrameSlab slab = pool[i];
            Assert.Equal(0, (long)slab.BasePointer % 64);
            Assert.Equal(384 * 288 * 3, slab.SlotBytes);
            fixed (byte* slot5 = slab.Slot(5))
            {
                Assert.Equal(5L * 384 * 288 * 3, slot5 - slab.BasePointer);
            }
        }
    }

    [Fact]
    public void Slot_WritesToOneCamera_DoNotTouchItsNeighbours()
    {
        using var pool = new FrameSlabPool(2, 3, new CameraMode(8, 4, PixelFormat.Rgb24, 30));
        pool[0].Slot(1).Fill(0xAB);

        Assert.All(pool[0].Slot(0).ToArray(), b => Assert.Equal(0, b));
        Assert.All(pool[0].Slot(2).ToArray(), b => Assert.Equal(0, b));
        Assert.Equal(8 * 4 * 3, pool[0].All.ToArray().Count(b => b == 0xAB));
    }

    [Fact]
    public void Constructor_OneSlab_IsRefusedWithTheReason()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FrameSlabPool(1, 8, new CameraMode(8, 4, PixelFormat.Rgb24, 30)));
        Assert.Contains("at least 2 slabs", e.Message, StringComparison.Ordinal);
    }
}

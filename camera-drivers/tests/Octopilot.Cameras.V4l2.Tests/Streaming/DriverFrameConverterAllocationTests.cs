using Octopilot.Cameras.Conversion;
using Octopilot.Cameras.V4l2.Device;
using Octopilot.Cameras.V4l2.Streaming;

namespace Octopilot.Cameras.V4l2.Tests.Streaming;

/// <summary>Converting a frame allocates nothing on the managed heap once the converter is built.</summary>
public sealed class DriverFrameConverterAllocationTests
{
    private const int WarmUpCalls = 100;
    private const int MeasuredCalls = 50;

    [Theory]
    [InlineData("YUYV", 1280)]
    [InlineData("UYVY", 1280)]
    [InlineData("NV12", 640)]
    [InlineData("RGB3", 1920)] // packed: one span copy
    [InlineData("RGB3", 2048)] // padded: row by row
    public void Convert_AfterWarmUp_AllocatesZeroBytes(string fourCc, int stride)
    {
        const int W = 640, H = 48;
        var converter = new DriverFrameConverter(new V4l2PixFormat(W, H, V4l2FourCc.Of(fourCc), stride, stride * H * 2, 0, 0, 0), YuvMatrix.Bt601Limited);
        var frame = new byte[stride * H * 2];
        new Random(9).NextBytes(frame);
        var rgb = new byte[W * H * 3];
        // Enough calls for the conversion to reach its final JIT tier: tiering and OSR can allocate on the calling thread.
        Run(converter, frame, rgb, WarmUpCalls);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(converter, frame, rgb, MeasuredCalls);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Contains(rgb, b => b != 0); // it did convert
    }

    private static void Run(DriverFrameConverter converter, byte[] frame, byte[] rgb, int calls)
    {
        // No assertion inside: it could allocate and blame the converter.
        for (int i = 0; i < calls; i++)
        {
            converter.Convert(frame, rgb);
        }
    }
}

using Octopilot.DriveLog.Reading;

namespace Octopilot.DriveLog.Tests.Reading;

public class SegmentReaderOptionsTests
{
    [Theory]
    [InlineData(SegmentReaderOptions.MinBufferBytes - 1)]
    [InlineData(SegmentReaderOptions.MaxBufferBytes + 1)]
    public void BufferBytes_OutsideTheBounds_Throws(int bufferBytes)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SegmentReaderOptions { BufferBytes = bufferBytes });
    }

    [Fact]
    public void MinimumReadBytes_Zero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SegmentReaderOptions { MinimumReadBytes = 0 });
    }
}

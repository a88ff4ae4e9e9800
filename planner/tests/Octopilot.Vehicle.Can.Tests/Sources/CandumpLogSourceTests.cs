using System.IO.Compression;
using System.Text;
using Octopilot.Core.Time;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Sources;
using Octopilot.Vehicle.Can.Tests.Infrastructure;

namespace Octopilot.Vehicle.Can.Tests.Sources;

/// <summary>Reading candump logs: the format, malformed lines with their numbers, gzip, interface filter, pacing.</summary>
public class CandumpLogSourceTests
{
    private static readonly long Forever = long.MaxValue / 4;

    [Fact]
    public void Read_GoodLines_GiveFramesWithTheLogsTimestamps()
    {
        using var source = new CandumpLogSource(CandumpText.Stream(
        [
            "(46408.584930) can0 260#08FFFB0000001884",
            "(1436509052.249713) vcan0 18DAF110#0102 R",
            "(0.5) can1 7FF#",
        ]), "good.log");
        CanFrame frame = default;

        Assert.Equal(CanReadStatus.Frame, source.Read(ref frame, Forever, CancellationToken.None));
        Assert.Equal((0x260u, false, (byte)8, 46_408_584_930_000L), (frame.Id, frame.IsExtended, frame.Length, frame.TimestampNs));
        Assert.Equal("08FFFB0000001884", Convert.ToHexString(frame.Data));
        Assert.Equal(CanReadStatus.Frame, source.Read(ref frame, Forever, CancellationToken.None));
        Assert.Equal((0x18DAF110u, true, (byte)2), (frame.Id, frame.IsExtended, frame.Length));
        Assert.Equal(1_436_509_052_249_713_000L, frame.TimestampNs);
        Assert.Equal(CanReadStatus.Frame, source.Read(ref frame, Forever, CancellationToken.None));
        Assert.Equal((0x7FFu, (byte)0, 500_000_000L), (frame.Id, frame.Length, frame.TimestampNs));
        Assert.Equal(CanReadStatus.EndOfStream, source.Read(ref frame, Forever, CancellationToken.None));
        Assert.Equal(3, source.Frames);
        Assert.Equal(0, source.MalformedInputs);
    }

    [Theory]
    [InlineData("46408.584930 can0 260#08", "expected '(' and a timestamp")]
    [InlineData("(46408) can0 260#08", "expected the timestamp as seconds.fraction")]
    [InlineData("(46408.58 can0 260#08", "expected fraction digits and ')'")]
    [InlineData("(46408.58)", "expected an interface name")]
    [InlineData("(46408.58) can0 260 08", "expected a hex CAN id and '#'")]
    [InlineData("(46408.58) can0 12345#08", "expected a 3-digit (standard) or 8-digit (extended) hex CAN id")]
    [InlineData("(46408.58) can0 800#08", "expected a standard id ≤ 7FF")]
    [InlineData("(46408.58) can0 260#0", "expected data as pairs of hex digits")]
    [InlineData("(46408.58) can0 260#0G", "expected data as pairs of hex digits")]
    [InlineData("(46408.58) can0 260#001122334455667788", "expected at most 8 data bytes")]
    [InlineData("(46408.58) can0 260##10011", "CAN FD frames (##) are not supported")]
    [InlineData("(46408.58) can0 260#R", "remote (RTR) frames are not supported")]
    [InlineData("(46408.58) can0 260#08 extra words", "expected nothing after the data")]
    public void Read_MalformedLine_SkippedCountedAndReportedWithItsLineNumber(string bad, string expected)
    {
        using var source = new CandumpLogSource(CandumpText.Stream(["(1.000000) can0 001#01", "", bad, "(2.000000) can0 002#02"]), "mixed.log");
        CanFrame frame = default;

        Assert.Equal(CanReadStatus.Frame, source.Read(ref frame, Forever, CancellationToken.None));
        Assert.Equal(CanReadStatus.Frame, source.Read(ref frame, Forever, CancellationToken.None));
        Assert.Equal(2u, frame.Id); // the bad line was skipped, the next good one delivered
        Assert.Equal(CanReadStatus.EndOfStream, source.Read(ref frame, Forever, CancellationToken.None));

        Assert.Equal(1, source.MalformedInputs);
        string report = Assert.Single(source.MalformedReports);
        Assert.StartsWith("mixed.log:3: ", report, StringComparison.Ordinal); // blank line 2 counts as a line
        Assert.Contains(expected, report, StringComparison.Ordinal);
        Assert.Contains(bad, report, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GzipFile_RecognisedByItsMagicBytes()
    {
        string path = Path.Combine(Path.GetTempPath(), $"octopilot-candump-{Guid.NewGuid():N}.log"); // no .gz on purpose
        try
        {
            using (var file = File.Create(path))
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            {
                gzip.Write(Encoding.ASCII.GetBytes("(1.000000) can0 0B4#000000001D0B7A5E\r\n(1.010000) can0 0B4#000000001D0B7A5E\r\n"));
            }

            using var source = new CandumpLogSource(path);
            CanFrame frame = default;
            Assert.Equal(CanReadStatus.Frame, source.Read(ref frame, Forever, CancellationToken.None));
            Assert.Equal(CanReadStatus.Frame, source.Read(ref frame, Forever, CancellationToken.None));
            Assert.Equal(CanReadStatus.EndOfStream, source.Read(ref frame, Forever, CancellationToken.None));
            Assert.Equal(0, source.MalformedInputs); // CRLF endings are fine
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_InterfaceFilter_OtherBusesSkippedAndCounted()
    {
        using var source = new CandumpLogSource(
            CandumpText.Stream(["(1.0) can0 001#01", "(1.1) can1 002#02", "(1.2) can128 003#03", "(1.3) can0 004#04"]),
            "buses.log", new CandumpLogOptions { Interface = "can0" });
        CanFrame frame = default;
        var ids = new List<uint>();

        while (source.Read(ref frame, Forever, CancellationToken.None) == CanReadStatus.Frame)
        {
            ids.Add(frame.Id);
        }

        Assert.Equal([1u, 4u], ids);
        Assert.Equal(2, source.OtherInterfaceFrames);
    }

    [Fact]
    public void Read_PacedByTimestamps_WaitsForEachFramesOffsetOnTheClock()
    {
        var clock = new VirtualClock(startNs: 5_000_000_000);
        using var source = new CandumpLogSource(
            CandumpText.Stream(["(100.000000) can0 001#01", "(100.030000) can0 002#02"]),
            "paced.log", new CandumpLogOptions { Pacing = CandumpPacing.Timestamps, Clock = clock });
        CanFrame frame = default;

        Assert.Equal(CanReadStatus.Frame, source.Read(ref frame, 10_000_000, CancellationToken.None));
        Assert.Equal(5_000_000_000, frame.TimestampNs); // the first frame is due at once, stamped with the clock

        // The second is due 30 ms later; a 10 ms read times out without it (the virtual clock is moved by a helper).
        using (AdvanceWhileWaiting(clock, 10_000_000))
        {
            Assert.Equal(CanReadStatus.TimedOut, source.Read(ref frame, 10_000_000, CancellationToken.None));
        }

        clock.AdvanceTo(5_030_000_000);
        Assert.Equal(CanReadStatus.Frame, source.Read(ref frame, 10_000_000, CancellationToken.None));
        Assert.Equal((2u, 5_030_000_000L), (frame.Id, frame.TimestampNs));
        Assert.Equal(CanReadStatus.EndOfStream, source.Read(ref frame, 10_000_000, CancellationToken.None));
    }

    [Fact]
    public void Read_PacedAndCancelled_ReturnsCancelled()
    {
        var clock = new VirtualClock();
        using var source = new CandumpLogSource(
            CandumpText.Stream(["(1.0) can0 001#01", "(9.0) can0 002#02"]),
            "cancel.log", new CandumpLogOptions { Pacing = CandumpPacing.Timestamps, Clock = clock });
        CanFrame frame = default;
        Assert.Equal(CanReadStatus.Frame, source.Read(ref frame, Forever, CancellationToken.None));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.Equal(CanReadStatus.Cancelled, source.Read(ref frame, Forever, cancel.Token));
    }

    [Fact]
    public void Read_Rav4First10Seconds_EveryLineIsAFrame()
    {
        using var source = new CandumpLogSource(ToyotaData.RawCanFirst10sPath);
        CanFrame frame = default;
        long previousNs = 0;
        int frames = 0;

        while (source.Read(ref frame, Forever, CancellationToken.None) == CanReadStatus.Frame)
        {
            Assert.True(frame.TimestampNs >= previousNs, $"timestamps go back at frame {frames}");
            previousNs = frame.TimestampNs;
            frames++;
        }

        Assert.Equal(22_592, frames); // SOURCE.md: "the first 10 s of the above (22,592 frames)"
        Assert.Equal(0, source.MalformedInputs);
    }

    /// <summary>Advances the virtual clock by <paramref name="stepNs"/> once a reader is asleep on it.</summary>
    private static IDisposable AdvanceWhileWaiting(VirtualClock clock, long stepNs)
    {
        long target = clock.NowNs + stepNs;
        var mover = new Thread(() =>
        {
            Thread.Sleep(20);
            clock.AdvanceTo(target);
        });
        mover.Start();
        return new Joiner(mover);
    }

    private sealed class Joiner(Thread thread) : IDisposable
    {
        public void Dispose() => thread.Join();
    }
}

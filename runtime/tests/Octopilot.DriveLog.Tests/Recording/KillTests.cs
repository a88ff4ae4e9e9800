using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using Octopilot.DriveLog.Format;

namespace Octopilot.DriveLog.Tests.Recording;

/// <summary>
/// Acceptance (issue 6): a drive recorded by a process killed with SIGKILL mid-segment is replayable up to its last
/// record. The child (Octopilot.DriveLog.KillTarget, built with the tests) records counters without pause and reports
/// how many records its recorder had handed to the kernel; the test kills it and reads every segment back.
/// </summary>
public class KillTests
{
    private const ushort CounterStreamId = 1; // KillTarget.Program.CounterStreamId

    [Fact]
    public void SigkillMidSegment_EverythingFlushedIsReplayable_AtMostTheLastRecordTruncated()
    {
        using var drive = new TempDrive();
        string target = Path.Combine(AppContext.BaseDirectory, "Octopilot.DriveLog.KillTarget.dll");
        Assert.True(File.Exists(target), $"{target} missing: the test project references the KillTarget project, which copies it here");

        var start = new ProcessStartInfo(DotnetHost(), [target, drive.Folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        long lastFlushed = 0;
        string stderr;
        using (Process child = Process.Start(start)!)
        {
            // At least a second of recording from "ready", a few thousand records flushed and three segments (0.2 s
            // each: two closed, one open); bounded so a stuck child fails the test instead of hanging it.
            var sinceStart = Stopwatch.StartNew();
            Stopwatch? sinceReady = null;
            string? line;
            while ((line = child.StandardOutput.ReadLine()) is not null && sinceStart.Elapsed < TimeSpan.FromSeconds(15))
            {
                if (line == "ready")
                {
                    sinceReady = Stopwatch.StartNew();
                }
                else if (line.StartsWith("flushed ", StringComparison.Ordinal))
                {
                    lastFlushed = long.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
                }

                if (sinceReady?.Elapsed > TimeSpan.FromSeconds(1) && lastFlushed > 1000 && Directory.GetFiles(drive.Folder).Length >= 3)
                {
                    break;
                }
            }

            child.Kill(); // SIGKILL on Linux: no finally, no Dispose, no flush
            child.WaitForExit();
            stderr = child.StandardError.ReadToEnd();
            Assert.Equal(137, child.ExitCode); // 128 + SIGKILL: killed, not exited on its own
        }

        Assert.True(lastFlushed > 1000, $"the child reported only {lastFlushed} flushed records before the kill; stderr: {stderr}");

        IReadOnlyList<ScannedSegment> segments = SegmentScanner.ScanDrive(drive.Folder);
        Assert.True(segments.Count >= 3, $"{segments.Count} segments");
        for (int i = 0; i < segments.Count - 1; i++)
        {
            Assert.Equal(i, segments[i].Info.SegmentIndex);
            Assert.Equal(SegmentEnd.Clean, segments[i].End); // closed at rotation: complete
        }

        // The last: clean, one record cut by the kill, or (killed between creating the file and writing its header,
        // which the recorder does at once) a header cut short: never damage.
        ScannedSegment last = segments[^1];
        Assert.NotEqual(SegmentEnd.Corrupt, last.End);
        Assert.True(last.Header is null || last.Header.SegmentIndex == segments.Count - 1);

        var records = segments.SelectMany(s => s.Records).ToList();
        Assert.True(records.Count >= lastFlushed, $"{records.Count} valid records, but {lastFlushed} had been handed to the kernel");
        long[] counters = records
            .Where(r => r.Header.Type == RecordType.ControlCommand && r.Header.StreamId == CounterStreamId)
            .Select(r => BinaryPrimitives.ReadInt64LittleEndian(r.Payload))
            .ToArray();
        Assert.Equal(Enumerable.Range(0, counters.Length).Select(i => (long)i), counters); // contiguous: no record lost or reordered
        Assert.All(records.Where(r => r.Header.Type == RecordType.CameraFrame), r => Assert.Equal(64 << 10, r.Payload.Length));
    }

    /// <summary>The dotnet host that runs these tests (the CLI exports its path to child processes).</summary>
    private static string DotnetHost()
    {
        string? fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli))
        {
            return fromCli;
        }

        string? self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}

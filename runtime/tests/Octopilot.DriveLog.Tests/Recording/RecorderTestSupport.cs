using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Recording;

namespace Octopilot.DriveLog.Tests.Recording;

/// <summary>A fresh drive folder under the temp folder, deleted with the test.</summary>
internal sealed class TempDrive : IDisposable
{
    public TempDrive()
    {
        Root = Path.Combine(Path.GetTempPath(), "octopilot-recorder-tests", Guid.NewGuid().ToString("N"));
        Folder = Path.Combine(Root, "drive");
    }

    public string Root { get; }

    /// <summary>The drive folder (not created: the recorder creates it).</summary>
    public string Folder { get; }

    public RecorderOptions Options() => new() { DriveFolder = Folder, SegmentTemplate = RecorderTestSupport.Template() };

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}

internal static class RecorderTestSupport
{
    public static SegmentInfo Template() => new()
    {
        DriveId = "test-drive",
        SegmentIndex = -1,
        SoftwareVersion = "test",
        CreatedUtc = string.Empty,
        StartTimestampNs = -1,
        SegmentLengthS = -1,
        ModelSha256 = string.Empty,
        Config = "{}",
        Rig = "{}",
        Streams = [new StreamInfo { Type = RecordType.VehicleState, StreamId = 0, Name = "vehicle" }],
    };

    /// <summary>Polls until <paramref name="condition"/> holds or the timeout passes; returns the condition.</summary>
    public static bool WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        DateTime end = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > end)
            {
                return false;
            }

            Thread.Sleep(5);
        }

        return true;
    }

    /// <summary>Deterministic payload bytes of record <paramref name="index"/> of a stream: index, then a pattern.</summary>
    public static byte[] Payload(int stream, long index, int length)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)((index * 31) + (stream * 7) + i);
        }

        if (length >= 8)
        {
            BitConverter.TryWriteBytes(bytes, index);
        }

        return bytes;
    }

    public static IEnumerable<ScannedRecord> AllRecords(this IEnumerable<ScannedSegment> segments) => segments.SelectMany(s => s.Records);

    public static IEnumerable<ScannedRecord> Notices(this IEnumerable<ScannedSegment> segments) =>
        segments.AllRecords().Where(r => r.Header.Type == RecordType.Event && r.Header.StreamId == DriveRecorder.NoticeStreamId);
}

/// <summary>
/// A deferred batch for tests: appends the given records, optionally waits on a gate or sleeps first (a slow or stuck
/// disk), and counts its WriteRecords and Release calls.
/// </summary>
internal sealed class TestBatch(long timestampNs, params (RecordType Type, ushort Stream, long TimestampNs, byte[] Payload)[] records) : IDeferredRecordBatch
{
    private int _writes;
    private int _releases;

    public long TimestampNs => timestampNs;

    public ManualResetEventSlim? Gate { get; init; }

    public TimeSpan Delay { get; init; }

    public int Writes => Volatile.Read(ref _writes);

    public int Releases => Volatile.Read(ref _releases);

    public void WriteRecords(IRecordSink sink)
    {
        Interlocked.Increment(ref _writes);
        Gate?.Wait();
        if (Delay > TimeSpan.Zero)
        {
            Thread.Sleep(Delay);
        }

        foreach (var (type, stream, stamp, payload) in records)
        {
            Span<byte> scratch = sink.GetScratch(payload.Length);
            payload.CopyTo(scratch);
            sink.Append(type, RecordFlags.None, stream, stamp, scratch[..payload.Length]);
        }
    }

    public void Release() => Interlocked.Increment(ref _releases);
}

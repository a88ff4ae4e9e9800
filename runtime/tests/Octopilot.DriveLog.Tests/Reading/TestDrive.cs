using System.Buffers.Binary;
using System.Text;
using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Reading;
using Octopilot.DriveLog.Writing;

namespace Octopilot.DriveLog.Tests.Reading;

/// <summary>A record as written, with where it lies in its segment file.</summary>
internal sealed record WrittenRecord(int SegmentIndex, long FileOffset, RecordType Type, RecordFlags Flags, ushort StreamId, long TimestampNs, byte[] Payload)
{
    public long EndOffset => FileOffset + RecordHeader.SizeBytes + Payload.Length;
}

/// <summary>A record as read back (payload copied out of the reader's buffer).</summary>
internal sealed record ReadRecord(int SegmentIndex, long FileOffset, RecordHeader Header, byte[] Payload);

/// <summary>A record to write.</summary>
internal readonly record struct RecordSpec(RecordType Type, RecordFlags Flags, ushort StreamId, long TimestampNs, byte[] Payload);

/// <summary>A temporary folder, deleted on Dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "octopilot-drivelog-reading-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Segment(int index) => File(DriveFolder.SegmentFileName(index));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }
}

/// <summary>Writes test drives with the real <see cref="SegmentWriter"/>: varied types and sizes, frames big enough to cross pipe buffers.</summary>
internal static class TestDrive
{
    public const string DriveId = "20261125T080000Z-test";

    /// <summary>Frame payloads of 300 KB and more: larger than small pipe buffers, so they straddle segments.</summary>
    public const int LargePayloadMinBytes = 300_000;

    public static readonly StreamInfo[] Streams =
    [
        new() { Type = RecordType.CameraFrame, StreamId = 0, Name = "main_forward", WidthPx = 384, HeightPx = 288 },
        new() { Type = RecordType.CameraFrame, StreamId = 1, Name = "wide_forward", WidthPx = 384, HeightPx = 288 },
        new() { Type = RecordType.FrameSet, StreamId = 0, Name = "frame_sets" },
        new() { Type = RecordType.VehicleState, StreamId = 0, Name = "vehicle" },
        new() { Type = RecordType.WorldModel, StreamId = 0, Name = "world_model" },
        new() { Type = RecordType.ControlCommand, StreamId = 0, Name = "planner_command" },
        new() { Type = RecordType.Event, StreamId = 0, Name = "events" },
        new() { Type = RecordType.PlannerTick, StreamId = 0, Name = "planner_tick" },
    ];

    public static SegmentInfo Info(int segmentIndex, string driveId = DriveId) => new()
    {
        DriveId = driveId,
        SegmentIndex = segmentIndex,
        SoftwareVersion = "0.0.0-test",
        CreatedUtc = "2026-11-25T08:00:00Z",
        StartTimestampNs = 1_000_000_000,
        SegmentLengthS = 60,
        ModelSha256 = string.Empty,
        Config = "{}",
        Rig = "{}",
        Streams = Streams,
    };

    /// <summary>Writes one segment file and returns its records with their offsets.</summary>
    public static List<WrittenRecord> WriteSegment(string path, int segmentIndex, IEnumerable<RecordSpec> records, string driveId = DriveId)
    {
        var written = new List<WrittenRecord>();
        using SegmentWriter writer = SegmentWriter.Create(path, Info(segmentIndex, driveId));
        foreach (RecordSpec r in records)
        {
            written.Add(new WrittenRecord(segmentIndex, writer.Length, r.Type, r.Flags, r.StreamId, r.TimestampNs, r.Payload));
            writer.Append(r.Type, r.Flags, r.StreamId, r.TimestampNs, r.Payload);
        }

        return written;
    }

    /// <summary>Writes <paramref name="segmentCount"/> segments of <paramref name="recordsPerSegment"/> random records each.</summary>
    public static List<WrittenRecord> WriteDrive(TempFolder folder, int segmentCount, int recordsPerSegment, int seed, int largeEvery = 8)
    {
        var random = new Random(seed);
        var all = new List<WrittenRecord>();
        long timestampNs = 1_000_000_000;
        for (int s = 0; s < segmentCount; s++)
        {
            List<RecordSpec> specs = RandomRecords(random, recordsPerSegment, ref timestampNs, largeEvery);
            all.AddRange(WriteSegment(folder.Segment(s), s, specs));
        }

        return all;
    }

    /// <summary>Random records of every type: one in <paramref name="largeEvery"/> a 300-400 KB frame, the rest 0-2000 bytes.</summary>
    public static List<RecordSpec> RandomRecords(Random random, int count, ref long timestampNs, int largeEvery = 8)
    {
        var records = new List<RecordSpec>(count);
        for (int i = 0; i < count; i++)
        {
            timestampNs += random.Next(1, 5_000_000);
            if (largeEvery > 0 && random.Next(largeEvery) == 0)
            {
                records.Add(new RecordSpec(RecordType.CameraFrame, RecordFlags.Lz4, (ushort)random.Next(2), timestampNs,
                    RandomBytes(random, random.Next(LargePayloadMinBytes, 400_000))));
                continue;
            }

            var type = (RecordType)random.Next(2, 8);
            byte[] payload = type == RecordType.Event
                ? EventPayload((ushort)random.Next(1, 4), "event " + i)
                : RandomBytes(random, random.Next(0, 2000));
            records.Add(new RecordSpec(type, RecordFlags.None, 0, timestampNs, payload));
        }

        return records;
    }

    public static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>An Event payload: u16 kind code + UTF-8 text.</summary>
    public static byte[] EventPayload(ushort kindCode, string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        var payload = new byte[2 + utf8.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(payload, kindCode);
        utf8.CopyTo(payload, 2);
        return payload;
    }

    /// <summary>Header bytes of a segment written by <see cref="WriteSegment"/>.</summary>
    public static int HeaderBytes(int segmentIndex, string driveId = DriveId) => SegmentHeader.Encode(Info(segmentIndex, driveId)).Length;

    public static List<ReadRecord> ReadAll(SegmentReader reader)
    {
        var records = new List<ReadRecord>();
        while (reader.TryReadNext(out DriveRecord record))
        {
            records.Add(new ReadRecord(record.SegmentIndex, record.FileOffset, record.Header, record.Payload.ToArray()));
        }

        return records;
    }

    public static List<ReadRecord> ReadAll(DriveReader reader)
    {
        var records = new List<ReadRecord>();
        while (reader.TryReadNext(out DriveRecord record))
        {
            records.Add(new ReadRecord(record.SegmentIndex, record.FileOffset, record.Header, record.Payload.ToArray()));
        }

        return records;
    }

    /// <summary>Asserts that <paramref name="read"/> is exactly <paramref name="expected"/>, in order, bit for bit.</summary>
    public static void AssertSameRecords(IReadOnlyList<WrittenRecord> expected, IReadOnlyList<ReadRecord> read)
    {
        Assert.Equal(expected.Count, read.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            WrittenRecord e = expected[i];
            ReadRecord r = read[i];
            Assert.True(e.SegmentIndex == r.SegmentIndex && e.FileOffset == r.FileOffset,
                $"record {i}: expected segment {e.SegmentIndex} offset {e.FileOffset}, read segment {r.SegmentIndex} offset {r.FileOffset}");
            Assert.Equal(e.Type, r.Header.Type);
            Assert.Equal(e.Flags, r.Header.Flags);
            Assert.Equal(e.StreamId, r.Header.StreamId);
            Assert.Equal(e.TimestampNs, r.Header.TimestampNs);
            Assert.True(e.Payload.AsSpan().SequenceEqual(r.Payload), $"record {i} at offset {e.FileOffset}: payload differs");
        }
    }

    /// <summary>Sorted, merged [start, end) intervals (touching intervals merge).</summary>
    public static List<(long Start, long End)> Merge(IEnumerable<(long Start, long End)> intervals)
    {
        var merged = new List<(long Start, long End)>();
        foreach ((long start, long end) in intervals.OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
            }
            else
            {
                merged.Add((start, end));
            }
        }

        return merged;
    }
}

using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Octopilot.DriveLog.Format;

namespace Octopilot.DriveLog.Reading;

/// <summary>
/// What a drive holds, from one pass over every segment (the library half of <c>octopilot log info DIR</c>): duration,
/// streams with counts, bytes, rates and largest gaps, Event records per kind code (the recorder's drop notices are
/// Events), lost segments and every damaged range. <see cref="ToText"/> formats it for people.
/// </summary>
public sealed partial class DriveSummary
{
    private DriveSummary(DriveFolder folder, SegmentInfo? info)
    {
        Folder = folder;
        Info = info;
    }

    /// <summary>The folder's listing: segments present, missing indices, unrecognised files.</summary>
    public DriveFolder Folder { get; }

    /// <summary>The drive's header (the first valid segment header); null when no segment header is valid.</summary>
    public SegmentInfo? Info { get; }

    /// <summary>Smallest record timestamp, ns (0 without records).</summary>
    public long FirstTimestampNs { get; private init; }

    /// <summary>Largest record timestamp, ns (0 without records).</summary>
    public long LastTimestampNs { get; private init; }

    /// <summary>Last minus first timestamp, s.</summary>
    public double DurationS => (LastTimestampNs - FirstTimestampNs) / 1e9;

    /// <summary>Valid records, all types (unknown types included).</summary>
    public long RecordCount { get; private init; }

    /// <summary>Their payload bytes.</summary>
    public long PayloadBytes { get; private init; }

    /// <summary>Segment file bytes the reader moved past (headers, records and damage), all of it, including before <see cref="Build"/>.</summary>
    public long FileBytes { get; private init; }

    /// <summary>Valid records of a type this build does not know (also listed in <see cref="Streams"/>).</summary>
    public long UnknownTypeRecords { get; private init; }

    /// <summary>Streams by type, then stream id: every stream with records, and the header's streams that have none.</summary>
    public IReadOnlyList<StreamSummary> Streams { get; private init; } = [];

    /// <summary>Event records per kind code, ascending code.</summary>
    public IReadOnlyList<EventKindCount> EventsByKind { get; private init; } = [];

    /// <summary>Event records shorter than their 2-byte kind code.</summary>
    public long MalformedEvents { get; private init; }

    /// <summary>Every damage in reading order (lost segments included).</summary>
    public IReadOnlyList<DriveLogDamage> Damages { get; private init; } = [];

    /// <summary>Bytes in damaged ranges, all segments.</summary>
    public long DamagedBytes { get; private init; }

    /// <summary>
    /// Reads the drive in <paramref name="folderPath"/> once and summarises it. Throws <see cref="DriveLogException"/>
    /// only when the folder does not exist or holds no segment; damage is in the summary.
    /// </summary>
    public static DriveSummary Read(string folderPath, SegmentReaderOptions? segmentOptions = null)
    {
        var options = new DriveReaderOptions { Segment = segmentOptions ?? SegmentReaderOptions.Default, IncludeUnknownTypes = true };
        using DriveReader reader = DriveReader.Open(folderPath, options);
        return Build(reader);
    }

    /// <summary>Reads what is left of <paramref name="reader"/> and summarises it (with the reader's options: a window or skipped unknown types narrow the summary).</summary>
    public static DriveSummary Build(DriveReader reader)
    {
        var streams = new Dictionary<int, StreamAccumulator>();
        var events = new SortedDictionary<ushort, (long Count, string FirstText)>();
        long firstNs = long.MaxValue;
        long lastNs = long.MinValue;
        long malformedEvents = 0;
        long recordCount = 0;
        long payloadBytes = 0;
        while (reader.TryReadNext(out DriveRecord record))
        {
            RecordHeader header = record.Header;
            recordCount++;
            payloadBytes += header.PayloadLength;
            int key = ((byte)header.Type << 16) | header.StreamId;
            ref StreamAccumulator? stream = ref CollectionsMarshal.GetValueRefOrAddDefault(streams, key, out _);
            stream ??= new StreamAccumulator(header.Type, header.StreamId);
            stream.Add(header.TimestampNs, header.PayloadLength);
            firstNs = Math.Min(firstNs, header.TimestampNs);
            lastNs = Math.Max(lastNs, header.TimestampNs);
            if (header.Type == RecordType.Event)
            {
                malformedEvents += CountEvent(events, record.Payload) ? 0 : 1;
            }
        }

        long damagedBytes = 0;
        foreach (DriveLogDamage damage in reader.Damages)
        {
            damagedBytes += damage.LengthBytes;
        }

        bool any = recordCount > 0;
        return new DriveSummary(reader.Folder, reader.Info)
        {
            FirstTimestampNs = any ? firstNs : 0,
            LastTimestampNs = any ? lastNs : 0,
            RecordCount = recordCount,
            PayloadBytes = payloadBytes,
            FileBytes = reader.FileBytesRead,
            UnknownTypeRecords = reader.UnknownTypeRecords,
            Streams = SummariseStreams(streams, reader.Info),
            EventsByKind = [.. events.Select(e => new EventKindCount(e.Key, e.Value.Count, e.Value.FirstText))],
            MalformedEvents = malformedEvents,
            Damages = [.. reader.Damages],
            DamagedBytes = damagedBytes,
        };
    }

    /// <summary>Counts one Event payload (<c>u16 kind code</c> + UTF-8 text); false when it is too short to hold a code.</summary>
    private static bool CountEvent(SortedDictionary<ushort, (long Count, string FirstText)> events, ReadOnlySpan<byte> payload)
    {
        if (payload.Length < sizeof(ushort))
        {
            return false;
        }

        ushort code = BinaryPrimitives.ReadUInt16LittleEndian(payload);
        events[code] = events.TryGetValue(code, out (long Count, string FirstText) seen)
            ? (seen.Count + 1, seen.FirstText)
            : (1, Encoding.UTF8.GetString(payload[sizeof(ushort)..]));
        return true;
    }

    private static StreamSummary[] SummariseStreams(Dictionary<int, StreamAccumulator> streams, SegmentInfo? info)
    {
        var result = new List<StreamSummary>();
        var declared = new HashSet<int>();
        foreach (StreamInfo stream in info?.Streams ?? [])
        {
            int key = ((byte)stream.Type << 16) | stream.StreamId;
            if (!declared.Add(key))
            {
                continue;
            }

            StreamAccumulator totals = streams.TryGetValue(key, out StreamAccumulator? seen) ? seen : new StreamAccumulator(stream.Type, stream.StreamId);
            result.Add(totals.ToSummary(stream.Name, inHeader: true));
        }

        foreach ((int key, StreamAccumulator totals) in streams)
        {
            if (!declared.Contains(key))
            {
                result.Add(totals.ToSummary(string.Empty, inHeader: false));
            }
        }

        result.Sort(static (a, b) => a.Type != b.Type ? a.Type.CompareTo(b.Type) : a.StreamId.CompareTo(b.StreamId));
        return [.. result];
    }
}

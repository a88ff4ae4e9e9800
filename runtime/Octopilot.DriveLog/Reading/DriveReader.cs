using Octopilot.DriveLog.Format;

namespace Octopilot.DriveLog.Reading;

/// <summary>
/// Reads a whole drive folder, segment after segment in index order, as one stream of valid records. Owned by one
/// thread. Never throws for damage: lost segments, corrupt ranges, segments of another drive and I/O errors are
/// reported (<see cref="Damages"/>, <c>onDamage</c>) and reading goes on with what is left. The drive's
/// <see cref="Info"/> is the first valid segment header; later headers must carry the same drive id (else the
/// segment is skipped and reported) and their file's index (else reported, records kept).
/// Dispose closes the open segment; forgetting it keeps that file open and its pipe buffers out of the pool.
/// </summary>
public sealed class DriveReader : IDisposable
{
    /// <summary>Which record type values this build knows (FORMAT.md: unknown ones are skipped and counted).</summary>
    private static readonly bool[] KnownTypes = BuildKnownTypes();

    private readonly DriveReaderOptions _options;
    private readonly Action<DriveLogDamage>? _onDamage;
    private readonly Action<DriveLogDamage> _report;
    private readonly List<DriveLogDamage> _damages = [];
    private readonly long[] _recordsPerType = new long[256];
    private int _nextSegment;
    private int _nextExpectedIndex;
    private SegmentReader? _current;

    /// <summary>The scratch buffer between segments: taken from a closed segment's reader, given to the next one (owned by this reader).</summary>
    private byte[] _scratch = [];
    private long _closedSegmentBytes;
    private long _closedSplitCopies;
    private bool _disposed;

    private DriveReader(DriveFolder folder, DriveReaderOptions options, Action<DriveLogDamage>? onDamage)
    {
        Folder = folder;
        _options = options;
        _onDamage = onDamage;
        _report = Report;
    }

    /// <summary>The folder's listing, taken at <see cref="Open"/>.</summary>
    public DriveFolder Folder { get; }

    /// <summary>The drive's header: the first valid segment header read; null until one was read (or when none is valid).</summary>
    public SegmentInfo? Info { get; private set; }

    /// <summary>Index of the segment being read; -1 before the first and after the last.</summary>
    public int CurrentSegmentIndex => _current?.SegmentIndex ?? -1;

    /// <summary>Segment files opened (including ones skipped for another drive id).</summary>
    public int SegmentsOpened { get; private set; }

    /// <summary>Records handed out (inside the window; of known type unless <see cref="DriveReaderOptions.IncludeUnknownTypes"/>).</summary>
    public long RecordsRead { get; private set; }

    /// <summary>Payload bytes of the records handed out.</summary>
    public long PayloadBytesRead { get; private set; }

    /// <summary>Segment file bytes moved past: headers, all records, damage (the throughput measure).</summary>
    public long FileBytesRead => _closedSegmentBytes + (_current?.BytesConsumed ?? 0);

    /// <summary>Valid records outside the time window (read and verified, not handed out).</summary>
    public long RecordsOutsideWindow { get; private set; }

    /// <summary>Valid records of a type this build does not know (handed out only with <see cref="DriveReaderOptions.IncludeUnknownTypes"/>).</summary>
    public long UnknownTypeRecords { get; private set; }

    /// <summary>Payloads copied because they straddled pipe segments, all segments so far.</summary>
    public long SplitPayloadCopies => _closedSplitCopies + (_current?.SplitPayloadCopies ?? 0);

    /// <summary>Damage found so far, in reading order.</summary>
    public IReadOnlyList<DriveLogDamage> Damages => _damages;

    /// <summary>
    /// Lists <paramref name="folderPath"/> (throws <see cref="DriveLogException"/> naming it when it does not exist or
    /// holds no segment) and prepares to read it; segments are opened as reading reaches them.
    /// </summary>
    /// <param name="folderPath">The drive folder.</param>
    /// <param name="options">Window, unknown types, buffering; <see cref="DriveReaderOptions.Default"/> when null.</param>
    /// <param name="onDamage">Called on the reading thread with each damage as it is found; may be null.</param>
    public static DriveReader Open(string folderPath, DriveReaderOptions? options = null, Action<DriveLogDamage>? onDamage = null)
    {
        options ??= DriveReaderOptions.Default;
        if (options.FromTimestampNs >= options.ToTimestampNs)
        {
            throw new ArgumentException(
                $"time window is empty: FromTimestampNs {options.FromTimestampNs} must be below ToTimestampNs {options.ToTimestampNs} (exclusive)", nameof(options));
        }

        return new DriveReader(DriveFolder.Open(folderPath), options, onDamage);
    }

    /// <summary>Valid records of <paramref name="type"/> handed out so far.</summary>
    public long RecordCount(RecordType type) => _recordsPerType[(byte)type];

    /// <summary>
    /// Moves to the next record of the drive; false when every segment is read. The previous record's payload is
    /// invalid from this call on. Damage and I/O errors are reported and skipped, never thrown.
    /// </summary>
    public bool TryReadNext(out DriveRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_current is not null || OpenNextSegment())
        {
            bool read;
            try
            {
                read = _current!.TryReadNext(out record);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Report(new DriveLogDamage(DriveLogDamageKind.UnreadableSegment, _current!.Path, _current.SegmentIndex, _current.BytesConsumed,
                    Math.Max(_current.BytesConsumed, LengthOf(_current.Path)), $"read failed, rest of the segment skipped: {e.Message}"));
                CloseCurrent();
                continue;
            }

            if (!read)
            {
                CloseCurrent();
                continue;
            }

            RecordHeader header = record.Header;
            if (!KnownTypes[(byte)header.Type])
            {
                UnknownTypeRecords++;
                if (!_options.IncludeUnknownTypes)
                {
                    continue;
                }
            }

            if (header.TimestampNs < _options.FromTimestampNs || header.TimestampNs >= _options.ToTimestampNs)
            {
                RecordsOutsideWindow++;
                continue;
            }

            RecordsRead++;
            PayloadBytesRead += header.PayloadLength;
            _recordsPerType[(byte)header.Type]++;
            return true;
        }

        record = default;
        return false;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CloseCurrent();
    }

    private bool OpenNextSegment()
    {
        while (_nextSegment < Folder.Segments.Count)
        {
            SegmentFile file = Folder.Segments[_nextSegment++];
            for (; _nextExpectedIndex < file.Index; _nextExpectedIndex++)
            {
                Report(new DriveLogDamage(DriveLogDamageKind.MissingSegment, Path.Combine(Folder.Path, DriveFolder.SegmentFileName(_nextExpectedIndex)),
                    _nextExpectedIndex, 0, 0, $"segment {_nextExpectedIndex} has no file (lost); the next segment present is {file.Index}"));
            }

            _nextExpectedIndex = file.Index + 1;
            SegmentReader reader;
            try
            {
                reader = SegmentReader.Open(file.Path, _options.Segment, _report, _scratch);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Report(new DriveLogDamage(DriveLogDamageKind.UnreadableSegment, file.Path, file.Index, 0, file.LengthBytes, $"cannot open the segment: {e.Message}"));
                continue;
            }

            SegmentsOpened++;
            _scratch = [];
            _current = reader;
            if (!AcceptHeader(reader, file))
            {
                CloseCurrent();
                continue;
            }

            return true;
        }

        return false;
    }

    /// <summary>Checks a segment's header against the drive's; false when the segment belongs to another drive (reported).</summary>
    private bool AcceptHeader(SegmentReader reader, SegmentFile file)
    {
        SegmentInfo? info = reader.Info;
        if (info is null)
        {
            return true;
        }

        if (Info is null)
        {
            Info = info;
        }
        else if (!string.Equals(info.DriveId, Info.DriveId, StringComparison.Ordinal))
        {
            Report(new DriveLogDamage(DriveLogDamageKind.HeaderMismatch, file.Path, file.Index, 0, Math.Max(reader.BytesConsumed, LengthOf(file.Path)),
                $"segment belongs to drive '{info.DriveId}', this drive is '{Info.DriveId}': its records are skipped"));
            return false;
        }

        if (info.SegmentIndex != file.Index)
        {
            Report(new DriveLogDamage(DriveLogDamageKind.HeaderMismatch, file.Path, file.Index, 0, reader.HeaderBytes,
                $"header says segment index {info.SegmentIndex}, the file name says {file.Index} (renamed file?): records kept"));
        }

        return true;
    }

    private void CloseCurrent()
    {
        if (_current is null)
        {
            return;
        }

        _closedSegmentBytes += _current.BytesConsumed;
        _closedSplitCopies += _current.SplitPayloadCopies;
        _scratch = _current.TakeScratch();
        _current.Dispose();
        _current = null;
    }

    private void Report(DriveLogDamage damage)
    {
        _damages.Add(damage);
        _onDamage?.Invoke(damage);
    }

    private static long LengthOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static bool[] BuildKnownTypes()
    {
        var known = new bool[256];
        foreach (RecordType type in Enum.GetValues<RecordType>())
        {
            known[(byte)type] = true;
        }

        return known;
    }
}

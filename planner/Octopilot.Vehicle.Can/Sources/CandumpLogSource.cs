using System.IO.Compression;
using System.Text;
using Octopilot.Vehicle.Can.Frames;

namespace Octopilot.Vehicle.Can.Sources;

/// <summary>
/// Replays a <c>candump -l</c> log (plain or gzip) as if it were the bus: as fast as possible (frames keep the log's
/// timestamps) or paced by the log's timestamps on an injected clock (frames carry that clock's time). Malformed lines
/// are skipped, counted and reported with their line number (the first <see cref="CandumpLogOptions.MaxKeptReports"/>
/// kept). Lines are parsed from one reused buffer: nothing is allocated per frame. One reader thread.
/// </summary>
public sealed class CandumpLogSource : ICanFrameSource
{
    private static readonly byte[] GzipMagic = [0x1F, 0x8B];

    private readonly Stream _stream;
    private readonly AsciiLineReader _lines;
    private readonly CandumpLogOptions _options;
    private readonly byte[]? _interfaceFilter;
    private readonly List<string> _reports = [];
    private CanFrame _pending;
    private bool _hasPending;
    private long _originLogNs = long.MinValue;
    private long _originClockNs;
    private long _lineNumber;
    private long _malformed;
    private long _otherInterface;
    private long _frames;

    /// <summary>Opens <paramref name="path"/>; gzip is recognised by its magic bytes, not the name.</summary>
    public CandumpLogSource(string path, CandumpLogOptions? options = null)
        : this(Open(path), Path.GetFileName(path), options)
    {
    }

    /// <summary>Reads <paramref name="stream"/> (already decompressed), which this source owns and disposes.</summary>
    public CandumpLogSource(Stream stream, string name, CandumpLogOptions? options = null)
    {
        _stream = stream;
        Name = name;
        _options = options ?? new CandumpLogOptions();
        _lines = new AsciiLineReader(stream);
        _interfaceFilter = _options.Interface is { } filter ? Encoding.ASCII.GetBytes(filter) : null;
    }

    public string Name { get; }

    public long MalformedInputs => Interlocked.Read(ref _malformed);

    /// <summary>Frames handed out so far.</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Good lines of other interfaces than <see cref="CandumpLogOptions.Interface"/>, skipped.</summary>
    public long OtherInterfaceFrames => Interlocked.Read(ref _otherInterface);

    /// <summary>"name:line: what was expected: "the line"" for the first malformed lines (a copy; any thread).</summary>
    public IReadOnlyList<string> MalformedReports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public CanReadStatus Read(ref CanFrame frame, long timeoutNs, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return CanReadStatus.Cancelled;
        }

        if (!_hasPending)
        {
            if (!TryNextFrame(ref _pending))
            {
                return CanReadStatus.EndOfStream;
            }

            _hasPending = true;
        }

        if (_options.Pacing == CandumpPacing.Timestamps)
        {
            if (_originLogNs == long.MinValue)
            {
                _originLogNs = _pending.TimestampNs;
                _originClockNs = _options.Clock.NowNs;
            }

            long dueNs = _originClockNs + (_pending.TimestampNs - _originLogNs);
            long nowNs = _options.Clock.NowNs;
            if (dueNs > nowNs)
            {
                long wakeNs = Math.Min(dueNs, nowNs + Math.Max(0, timeoutNs));
                if (!_options.Clock.SleepUntil(wakeNs, cancellationToken))
                {
                    return CanReadStatus.Cancelled;
                }

                if (wakeNs < dueNs)
                {
                    return CanReadStatus.TimedOut;
                }
            }

            _pending.TimestampNs = dueNs;
        }

        frame = _pending;
        _hasPending = false;
        Interlocked.Increment(ref _frames);
        return CanReadStatus.Frame;
    }

    public void Dispose() => _stream.Dispose();

    private bool TryNextFrame(ref CanFrame frame)
    {
        while (_lines.TryReadLine(out ReadOnlySpan<byte> line))
        {
            _lineNumber++;
            if (line.Trim((byte)' ').IsEmpty)
            {
                continue;
            }

            string? problem = CandumpLineParser.TryParse(line.Trim((byte)' '), ref frame, out ReadOnlySpan<byte> interfaceName);
            if (problem is not null)
            {
                Report(problem, line);
                continue;
            }

            if (_interfaceFilter is not null && !interfaceName.SequenceEqual(_interfaceFilter))
            {
                Interlocked.Increment(ref _otherInterface);
                continue;
            }

            return true;
        }

        return false;
    }

    private void Report(string problem, ReadOnlySpan<byte> line)
    {
        Interlocked.Increment(ref _malformed);
        lock (_reports)
        {
            if (_reports.Count < CandumpLogOptions.MaxKeptReports)
            {
                string text = Encoding.ASCII.GetString(line[..Math.Min(line.Length, 200)]);
                _reports.Add($"{Name}:{_lineNumber}: {problem}: \"{text}\"");
            }
        }
    }

    private static Stream Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> head = stackalloc byte[2];
        int read = file.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && head.SequenceEqual(GzipMagic) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }
}

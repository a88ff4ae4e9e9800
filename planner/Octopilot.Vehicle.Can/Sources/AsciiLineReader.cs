namespace Octopilot.Vehicle.Can.Sources;

/// <summary>
/// Splits a byte stream into lines without allocating per line: the returned span points into one buffer and is valid
/// only until the next call. A line longer than the buffer comes back cut at the buffer size (its remainder is
/// skipped) so the caller can report it as malformed.
/// </summary>
internal sealed class AsciiLineReader(Stream stream, int bufferBytes = AsciiLineReader.DefaultBufferBytes)
{
    /// <summary>64 KiB: a candump line is under 60 bytes; the buffer size only sets how often the stream is read.</summary>
    public const int DefaultBufferBytes = 64 * 1024;

    private readonly byte[] _buffer = new byte[bufferBytes];
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _skipToNewline;

    /// <summary>The next line without its '\n' (and '\r'); false at the end of the stream.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                int lineStart = _start;
                _start += newline + 1;
                if (_skipToNewline)
                {
                    _skipToNewline = false;
                    continue;
                }

                line = TrimCarriageReturn(_buffer.AsSpan(lineStart, newline));
                return true;
            }

            if (_endOfStream)
            {
                bool hasRest = _start < _end && !_skipToNewline;
                line = hasRest ? TrimCarriageReturn(_buffer.AsSpan(_start, _end - _start)) : default;
                _start = _end;
                return hasRest;
            }

            if (_start == 0 && _end == _buffer.Length)
            {
                // No newline in a full buffer: hand out what we have, drop the rest of this line.
                line = _buffer;
                _start = _end = 0;
                _skipToNewline = true;
                return true;
            }

            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }

            int read = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfStream = true;
            }

            _end += read;
        }
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}

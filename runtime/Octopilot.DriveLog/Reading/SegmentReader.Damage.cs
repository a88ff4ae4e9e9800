using System.Buffers;
using Octopilot.DriveLog.Format;

namespace Octopilot.DriveLog.Reading;

/// <summary>
/// Damage and resynchronisation. A damaged range opens at the first position that is not a valid record and closes
/// where the next valid record starts (or at the end of the file); the scan between moves from magic to magic, one
/// byte past each rejected candidate, so a damaged header or payload can never hide the records that follow it.
/// </summary>
public sealed partial class SegmentReader
{
    private long _damageStart = -1;
    private DriveLogDamageKind _damageKind;
    private string _damageDetail = string.Empty;

    private bool DamageOpen => _damageStart >= 0;

    /// <summary>Opens a damaged range at the current position (callers check <see cref="DamageOpen"/> first, so the detail is formatted once per range).</summary>
    private void OpenDamage(DriveLogDamageKind kind, string detail)
    {
        _damageStart = _bufferOffset;
        _damageKind = kind;
        _damageDetail = detail;
    }

    /// <summary>Closes the open range (if any) at the current position and reports it.</summary>
    private void CloseDamage()
    {
        if (!DamageOpen)
        {
            return;
        }

        long start = _damageStart;
        _damageStart = -1;
        Report(new DriveLogDamage(_damageKind, Path, SegmentIndex, start, _bufferOffset, _damageDetail));
    }

    private void Report(DriveLogDamage damage)
    {
        _damages.Add(damage);
        _onDamage?.Invoke(damage);
    }

    /// <summary>Fewer bytes than a record header remain before the end of the file: they are damage (a cut header when they start like a record).</summary>
    private void DamageTail()
    {
        if (_buffer.Length > 0 && !DamageOpen)
        {
            Span<byte> start = stackalloc byte[MagicBytes.Length];
            int count = (int)Math.Min(_buffer.Length, start.Length);
            _buffer.Slice(0, count).CopyTo(start);
            bool looksLikeRecord = start[..count].SequenceEqual(MagicBytes[..count]);
            OpenDamage(
                looksLikeRecord ? DriveLogDamageKind.TruncatedRecord : DriveLogDamageKind.BadRecordHeader,
                looksLikeRecord
                    ? $"record header cut by the end of the file: {_buffer.Length} of {RecordHeader.SizeBytes} bytes present"
                    : $"{_buffer.Length} bytes at the end of the file that are not a record");
        }

        Consume(_buffer.Length);
        CloseDamage();
        EndOfSegment = true;
    }

    /// <summary>
    /// Moves at least one byte on, to the next occurrence of the record magic, reading as needed. At the end of the
    /// file fewer than four bytes are left buffered (the main loop turns them into the end of the range).
    /// </summary>
    private void SkipToNextMagic()
    {
        Consume(1);
        while (true)
        {
            long index = IndexOfMagic(_buffer);
            if (index >= 0)
            {
                Consume(index);
                return;
            }

            // Keep the last three bytes: they may begin a magic whose rest is not read yet.
            long keep = Math.Min(_buffer.Length, MagicBytes.Length - 1);
            Consume(_buffer.Length - keep);
            if (!ReadMore())
            {
                return;
            }
        }
    }

    /// <summary>Offset of the first record magic in <paramref name="bytes"/>, including one that straddles segments; -1 when none.</summary>
    private static long IndexOfMagic(in ReadOnlySequence<byte> bytes)
    {
        if (bytes.IsSingleSegment)
        {
            return bytes.FirstSpan.IndexOf(MagicBytes);
        }

        Span<byte> candidate = stackalloc byte[MagicBytes.Length];
        long segmentStart = 0;
        SequencePosition position = bytes.Start;
        while (bytes.TryGet(ref position, out ReadOnlyMemory<byte> memory))
        {
            ReadOnlySpan<byte> span = memory.Span;
            int index = span.IndexOf(MagicBytes);
            if (index >= 0)
            {
                return segmentStart + index;
            }

            // A magic that starts in the last three bytes of this segment and ends in the next ones.
            for (int i = Math.Max(0, span.Length - (MagicBytes.Length - 1)); i < span.Length; i++)
            {
                long at = segmentStart + i;
                if (span[i] != MagicBytes[0] || at + MagicBytes.Length > bytes.Length)
                {
                    continue;
                }

                bytes.Slice(at, MagicBytes.Length).CopyTo(candidate);
                if (candidate.SequenceEqual(MagicBytes))
                {
                    return at;
                }
            }

            segmentStart += span.Length;
        }

        return -1;
    }
}

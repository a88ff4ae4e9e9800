namespace Octopilot.DriveLog.Reading;

/// <summary>
/// One damaged byte range of one segment: <c>[StartOffset, EndOffset)</c> in the file, bytes that held no valid record.
/// A range ends where the next valid record starts (or at the end of the file), so consecutive damaged records form
/// one range; <see cref="Kind"/> is the first problem met at <see cref="StartOffset"/>.
/// </summary>
/// <param name="Kind">What was wrong at the start of the range.</param>
/// <param name="SegmentPath">The segment file (for <see cref="DriveLogDamageKind.MissingSegment"/>, the path it would have had).</param>
/// <param name="SegmentIndex">The segment's index from its file name; -1 when the name does not carry one.</param>
/// <param name="StartOffset">First lost byte, offset in the file.</param>
/// <param name="EndOffset">One past the last lost byte (= <paramref name="StartOffset"/> for a missing or empty segment).</param>
/// <param name="Detail">The broken rule with the actual values, for people.</param>
public sealed record DriveLogDamage(DriveLogDamageKind Kind, string SegmentPath, int SegmentIndex, long StartOffset, long EndOffset, string Detail)
{
    /// <summary>Bytes lost in this range.</summary>
    public long LengthBytes => EndOffset - StartOffset;

    public override string ToString() =>
        $"{Kind} in {Path.GetFileName(SegmentPath)} bytes [{StartOffset}, {EndOffset}) ({LengthBytes} B): {Detail}";
}

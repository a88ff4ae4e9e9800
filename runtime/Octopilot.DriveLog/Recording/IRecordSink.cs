using Octopilot.DriveLog.Format;

namespace Octopilot.DriveLog.Recording;

/// <summary>
/// Where a <see cref="IDeferredRecordBatch"/> writes its records, on the recorder thread, during
/// <see cref="IDeferredRecordBatch.WriteRecords"/> only: the sink must not be kept or used after that call returns.
/// </summary>
public interface IRecordSink
{
    /// <summary>
    /// A scratch buffer of at least <paramref name="minBytes"/> owned by the recorder (for the compressed frame). Valid
    /// until the next <see cref="GetScratch"/> call or the end of <see cref="IDeferredRecordBatch.WriteRecords"/>,
    /// whichever comes first; its contents are undefined on return. Allocates only when it must grow (warm-up).
    /// </summary>
    Span<byte> GetScratch(int minBytes);

    /// <summary>
    /// Appends one record to the open segment. The payload is copied (or written) before this returns, so a scratch
    /// span can be reused right after. Throws nothing for a disk error: the recorder records the failure, and further
    /// appends of this batch are ignored.
    /// </summary>
    void Append(RecordType type, RecordFlags flags, ushort streamId, long timestampNs, ReadOnlySpan<byte> payload);
}

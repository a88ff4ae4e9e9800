namespace Octopilot.DriveLog.Recording;

/// <summary>
/// Records whose bytes are produced on the recorder thread: a camera frame set whose frames are compressed there,
/// straight from the slab, instead of on the inference thread. Handed over with
/// <see cref="DriveRecorder.TryEnqueueBatch"/>.
/// <para>Ownership: when <see cref="DriveRecorder.TryEnqueueBatch"/> returns true the recorder owns the batch and calls
/// <see cref="Release"/> exactly once, on the recorder thread: after <see cref="WriteRecords"/>, or without writing when
/// the batch is dropped (disk behind), when recording fails, or when <see cref="DriveRecorder.Stop"/> ends the thread
/// abnormally. When it returns false nothing was taken: the caller still owns the batch and releases it itself.</para>
/// </summary>
public interface IDeferredRecordBatch
{
    /// <summary>The set's timestamp, producers' clock, ns. Rotation is decided on it before the first record, so a set
    /// never straddles two segments.</summary>
    long TimestampNs { get; }

    /// <summary>Writes the batch's records into <paramref name="sink"/> (recorder thread). Called at most once.</summary>
    void WriteRecords(IRecordSink sink);

    /// <summary>Ends the recorder's ownership (return the slab lease). Called exactly once per accepted batch, after
    /// <see cref="WriteRecords"/> if that ran; must not throw and must not block.</summary>
    void Release();
}

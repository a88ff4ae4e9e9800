namespace Octopilot.DriveLog.Reading;

/// <summary>
/// A read-only, forward-only stream over a <see cref="FileStream"/> whose <c>ReadAsync</c> reads synchronously and
/// returns a completed task. Why: a FileStream opened without <see cref="FileOptions.Asynchronous"/> answers
/// <c>ReadAsync</c> on Unix by queueing the read to the thread pool; the reader wants the bytes now (it blocks on them
/// anyway), on its own thread, without a task per read. With this adapter <c>PipeReader.ReadAsync</c> completes
/// synchronously and allocates nothing. Owns the file: disposing the stream closes it.
/// </summary>
internal sealed class SynchronousReadStream(FileStream file) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("SynchronousReadStream is forward-only");

    public override long Position
    {
        get => file.Position;
        set => throw new NotSupportedException("SynchronousReadStream is forward-only");
    }

    public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => file.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : new ValueTask<int>(file.Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<int>(cancellationToken) : Task.FromResult(file.Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("SynchronousReadStream is forward-only");

    public override void SetLength(long value) => throw new NotSupportedException("SynchronousReadStream is read-only");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("SynchronousReadStream is read-only");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }
}

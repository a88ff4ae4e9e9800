namespace Octopilot.DriveLog.Recording;

/// <summary>
/// The bounded queue of deferred batches: a preallocated array ring under a <see cref="Monitor"/> held for a few
/// instructions, so any number of threads may enqueue (the recorder thread dequeues). A <c>Monitor</c>, not
/// <c>System.Threading.Lock</c>, for the reason the frame pipeline gives: <c>Lock</c> allocates its waiter event on first
/// contention. <see cref="Close"/> ends acceptance under the same lock, so every batch accepted is in the queue when
/// the recorder drains it for the last time: none escapes its <see cref="IDeferredRecordBatch.Release"/>.
/// </summary>
internal sealed class BatchQueue
{
    private readonly object _gate = new();
    private readonly IDeferredRecordBatch?[] _batches;
    private readonly long[] _enqueuedNs;
    private int _head;
    private int _count;
    private bool _closed;
    private int _maxDepth;

    public BatchQueue(int capacity)
    {
        _batches = new IDeferredRecordBatch?[capacity];
        _enqueuedNs = new long[capacity];
    }

    /// <summary>Most batches queued at once.</summary>
    public int MaxDepth => Volatile.Read(ref _maxDepth);

    public EnqueueResult TryEnqueue(IDeferredRecordBatch batch, long nowNs)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return EnqueueResult.Closed;
            }

            if (_count == _batches.Length)
            {
                return EnqueueResult.Full;
            }

            int tail = (_head + _count) % _batches.Length;
            _batches[tail] = batch;
            _enqueuedNs[tail] = nowNs;
            _count++;
            if (_count > _maxDepth)
            {
                Volatile.Write(ref _maxDepth, _count);
            }

            return EnqueueResult.Accepted;
        }
    }

    public bool TryDequeue(out IDeferredRecordBatch batch, out long enqueuedNs)
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                batch = null!;
                enqueuedNs = 0;
                return false;
            }

            batch = _batches[_head]!;
            enqueuedNs = _enqueuedNs[_head];
            _batches[_head] = null;
            _head = (_head + 1) % _batches.Length;
            _count--;
            return true;
        }
    }

    /// <summary>Refuses every later batch (stop, failure). Batches already queued stay for the recorder to drain.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
        }
    }

    public enum EnqueueResult
    {
        Accepted,
        Full,
        Closed,
    }
}

namespace Octopilot.Replay.Playback.Realtime;

/// <summary>
/// The bounded hand-over of one camera's recorded frames from the feed thread (single producer) to that camera's
/// capture thread (single consumer): a ring of <see cref="Depth"/> preallocated payload buffers, each as large as the
/// largest payload the camera's frame size allows. The producer fills the tail slot outside the lock and publishes it
/// under the lock; the consumer reads the head slot outside the lock once it has seen it published, and releases it
/// under the lock. So a slot has one owner at a time: the producer from <see cref="WaitForSpace"/> to
/// <see cref="Publish"/>, the consumer from <see cref="WaitForHead"/> to <see cref="ReleaseHead"/>.
/// Waits poll the cancellation token every <see cref="WaitSliceMs"/> (no registration, so nothing is allocated);
/// a publish or release wakes the other side at once.
/// </summary>
internal sealed class ReplayFrameQueue
{
    /// <summary>Longest single wait before the token is looked at again: bounds how late a stop is seen.</summary>
    public const int WaitSliceMs = 20;

    /// <summary>Payload length that marks a frame the feed could not hand over whole (bigger than the slot, wrong size).</summary>
    public const int CorruptLength = -1;

    private readonly object _gate = new();
    private readonly byte[][] _payloads;
    private readonly int[] _lengths;
    private readonly long[] _startOfFrameNs;
    private readonly long[] _sequence;
    private int _head;
    private int _count;
    private bool _completed;

    public ReplayFrameQueue(int depth, int slotBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(slotBytes, 1);
        _payloads = new byte[depth][];
        for (int i = 0; i < depth; i++)
        {
            _payloads[i] = new byte[slotBytes];
        }

        _lengths = new int[depth];
        _startOfFrameNs = new long[depth];
        _sequence = new long[depth];
    }

    public int Depth => _payloads.Length;

    public int SlotBytes => _payloads[0].Length;

    /// <summary>Frames waiting (read by the reporter; a snapshot).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    // ---- producer (the feed thread) ----

    /// <summary>
    /// Waits until a slot is free; returns it (owned by the caller until <see cref="Publish"/>), or −1 when cancelled.
    /// </summary>
    public int WaitForSpace(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            while (_count == _payloads.Length)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return -1;
                }

                Monitor.Wait(_gate, WaitSliceMs);
            }

            return (_head + _count) % _payloads.Length;
        }
    }

    /// <summary>The buffer of a slot returned by <see cref="WaitForSpace"/>, to copy a payload into.</summary>
    public Span<byte> SlotBuffer(int slot) => _payloads[slot];

    /// <summary>Hands the slot to the consumer: <paramref name="length"/> payload bytes, or <see cref="CorruptLength"/>.</summary>
    public void Publish(int slot, int length, long startOfFrameNs, long sequence)
    {
        lock (_gate)
        {
            if (slot != (_head + _count) % _payloads.Length || _count == _payloads.Length)
            {
                throw new InvalidOperationException($"replay frame queue: slot {slot} is not the free tail slot (head {_head}, count {_count}); publish only what WaitForSpace returned");
            }

            _lengths[slot] = length;
            _startOfFrameNs[slot] = startOfFrameNs;
            _sequence[slot] = sequence;
            _count++;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>No more frames will come: the consumer drains what is queued, then sees the end.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    // ---- consumer (the camera's capture thread) ----

    /// <summary>
    /// Waits for the oldest queued frame. <see cref="QueueWait.Ready"/>: <paramref name="slot"/> is the head, owned by
    /// the caller until <see cref="ReleaseHead"/>; <see cref="QueueWait.Ended"/>: drained and complete;
    /// <see cref="QueueWait.Cancelled"/>.
    /// </summary>
    public QueueWait WaitForHead(CancellationToken cancellationToken, out int slot)
    {
        lock (_gate)
        {
            while (_count == 0)
            {
                if (_completed)
                {
                    slot = -1;
                    return QueueWait.Ended;
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    slot = -1;
                    return QueueWait.Cancelled;
                }

                Monitor.Wait(_gate, WaitSliceMs);
            }

            slot = _head;
            return QueueWait.Ready;
        }
    }

    /// <summary>Start of frame of the frame queued right behind the head; false when there is none yet.</summary>
    public bool TryPeekNext(out long startOfFrameNs)
    {
        lock (_gate)
        {
            if (_count < 2)
            {
                startOfFrameNs = 0;
                return false;
            }

            startOfFrameNs = _startOfFrameNs[(_head + 1) % _payloads.Length];
            return true;
        }
    }

    public long StartOfFrameNs(int slot) => _startOfFrameNs[slot];

    public long Sequence(int slot) => _sequence[slot];

    public int Length(int slot) => _lengths[slot];

    /// <summary>The payload of the head slot; valid until <see cref="ReleaseHead"/>.</summary>
    public ReadOnlySpan<byte> Payload(int slot) => _payloads[slot].AsSpan(0, Math.Max(0, _lengths[slot]));

    /// <summary>Gives the head slot back to the producer; its payload must not be read after this.</summary>
    public void ReleaseHead()
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                throw new InvalidOperationException("replay frame queue: nothing to release (release only a slot WaitForHead returned, once)");
            }

            _head = (_head + 1) % _payloads.Length;
            _count--;
            Monitor.PulseAll(_gate);
        }
    }
}

namespace Octopilot.Replay.Recording;

/// <summary>
/// A fixed set of <see cref="FrameSetBatch"/> objects: taken on the inference thread, returned on the recorder thread.
/// Sized to the recorder's queue plus the one being written, so a take fails only when the recorder holds them all
/// (then the frames of that set are not recorded, and counted). A lock, held for a few instructions, guards the stack.
/// </summary>
internal sealed class FrameSetBatchPool
{
    private readonly FrameSetBatch[] _free;
    private readonly Lock _gate = new();
    private int _count;

    public FrameSetBatchPool(int capacity, int widthPx, int heightPx)
    {
        _free = new FrameSetBatch[capacity];
        for (int i = 0; i < capacity; i++)
        {
            _free[i] = new FrameSetBatch(this, widthPx, heightPx);
        }

        _count = capacity;
    }

    public bool TryTake(out FrameSetBatch? batch)
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                batch = null;
                return false;
            }

            batch = _free[--_count];
            return true;
        }
    }

    public void Return(FrameSetBatch batch)
    {
        lock (_gate)
        {
            _free[_count++] = batch;
        }
    }
}

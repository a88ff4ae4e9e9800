namespace Octopilot.Bench.Runner.Probe;

/// <summary>
/// A fixed ring of values written by one thread and read after it stopped: <see cref="Add"/> stores and publishes the
/// count with a volatile write (no allocation, no lock); <see cref="Snapshot"/> copies the retained values oldest
/// first. When full, the oldest are overwritten (<see cref="Overwritten"/>).
/// </summary>
internal sealed class SingleWriterRing<T>
    where T : struct
{
    private readonly T[] _items;
    private long _written;

    public SingleWriterRing(int capacity) => _items = new T[capacity];

    public long Written => Volatile.Read(ref _written);

    public long Overwritten => Math.Max(0, Written - _items.Length);

    public void Add(in T item)
    {
        long n = _written;
        _items[n % _items.Length] = item;
        Volatile.Write(ref _written, n + 1);
    }

    public T[] Snapshot()
    {
        long written = Written;
        long first = Math.Max(0, written - _items.Length);
        var values = new T[written - first];
        for (long i = first; i < written; i++)
        {
            values[i - first] = _items[i % _items.Length];
        }

        return values;
    }
}

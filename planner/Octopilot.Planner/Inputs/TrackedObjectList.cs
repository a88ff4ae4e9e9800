using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Octopilot.Planner.Inputs;

/// <summary>
/// A fixed-capacity list of tracked objects stored inline (no heap): a world model snapshot is a plain value that can
/// be copied, recorded and replayed. Objects beyond <see cref="Capacity"/> are refused by <see cref="TryAdd"/>;
/// the tracker is expected to keep the nearest ones.
/// </summary>
public struct TrackedObjectList
{
    /// <summary>Objects per snapshot. 32 covers dense highway traffic within sensor range on 4 lanes.</summary>
    public const int Capacity = 32;

    private Buffer _items;
    private int _count;

    public readonly int Count => _count;

    public readonly TrackedObject this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                ThrowIndex(index, _count);
            }

            return _items[index];
        }
    }

    /// <summary>Adds an object; false (and nothing stored) when the list is full.</summary>
    public bool TryAdd(in TrackedObject item)
    {
        if (_count >= Capacity)
        {
            return false;
        }

        _items[_count++] = item;
        return true;
    }

    public void Clear() => _count = 0;

    /// <summary>The stored objects. Valid as long as this list is neither changed nor goes out of scope.</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<TrackedObject> AsSpan() => ((ReadOnlySpan<TrackedObject>)_items)[.._count];

    [DoesNotReturn]
    private static void ThrowIndex(int index, int count) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in 0..{count - 1}");

    [InlineArray(Capacity)]
    private struct Buffer
    {
        private TrackedObject _element0;
    }
}

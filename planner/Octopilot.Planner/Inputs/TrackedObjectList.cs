using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Octopilot.Core.Collections;

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

    private InlineList<TrackedObject, Buffer> _items;

    public readonly int Count => _items.Count;

    public readonly TrackedObject this[int index] => _items[index];

    /// <summary>Adds an item; false (and nothing stored) when the list is full.</summary>
    public bool TryAdd(in TrackedObject item) => _items.TryAdd(item);

    public void Clear() => _items.Clear();

    /// <summary>The stored items. Valid as long as this list is neither changed nor goes out of scope.</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<TrackedObject> AsSpan() => _items.AsSpan();

    [InlineArray(Capacity)]
    private struct Buffer
    {
        private TrackedObject _element0;
    }
}

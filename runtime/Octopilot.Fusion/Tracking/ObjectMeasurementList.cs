using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Octopilot.Core.Collections;

namespace Octopilot.Fusion.Tracking;

/// <summary>
/// The detections of one frame set, stored inline (no heap) so the inference thread can fill one per set without
/// allocating. Every measurement of a set shares <see cref="TimestampNs"/> (the set's capture stamp): the cameras of a
/// set are exposed within a few ms, which at 40 m/s relative is under 0.2 m, below the depth noise, so the tracker
/// predicts once per set rather than per measurement. Measurements past <see cref="Capacity"/> are refused by
/// <see cref="TryAdd"/>; the caller decides which to drop (keep the nearest).
/// </summary>
public struct ObjectMeasurementList
{
    /// <summary>Measurements per set: 8 cameras, a few objects each, with duplicates in the overlaps.</summary>
    public const int Capacity = 64;

    private InlineList<ObjectMeasurement, Buffer> _items;

    /// <summary>Capture time of the set, monotonic ns. Must increase from set to set (the tracker rejects a set that goes back).</summary>
    public long TimestampNs { get; set; }

    public readonly int Count => _items.Count;

    public readonly ObjectMeasurement this[int index] => _items[index];

    /// <summary>Adds an item; false (and nothing stored) when the list is full.</summary>
    public bool TryAdd(in ObjectMeasurement item) => _items.TryAdd(item);

    public void Clear() => _items.Clear();

    /// <summary>The stored items. Valid as long as this list is neither changed nor goes out of scope.</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<ObjectMeasurement> AsSpan() => _items.AsSpan();

    [InlineArray(Capacity)]
    private struct Buffer
    {
        private ObjectMeasurement _element0;
    }
}

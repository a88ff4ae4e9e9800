using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

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

    private Buffer _items;
    private int _count;

    /// <summary>Capture time of the set, monotonic ns. Must increase from set to set (the tracker rejects a set that goes back).</summary>
    public long TimestampNs { get; set; }

    public readonly int Count => _count;

    public readonly ObjectMeasurement this[int index]
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

    /// <summary>Adds a measurement; false (and nothing stored) when the list is full.</summary>
    public bool TryAdd(in ObjectMeasurement item)
    {
        if (_count >= Capacity)
        {
            return false;
        }

        _items[_count++] = item;
        return true;
    }

    /// <summary>Empties the list for the next set; the timestamp is kept until set again.</summary>
    public void Clear() => _count = 0;

    /// <summary>The stored measurements. Valid as long as this list is neither changed nor goes out of scope.</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<ObjectMeasurement> AsSpan() => ((ReadOnlySpan<ObjectMeasurement>)_items)[.._count];

    [DoesNotReturn]
    private static void ThrowIndex(int index, int count) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in 0..{count - 1}");

    [InlineArray(Capacity)]
    private struct Buffer
    {
        private ObjectMeasurement _element0;
    }
}

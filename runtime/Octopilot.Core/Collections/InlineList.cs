using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Octopilot.Core.Collections;

/// <summary>
/// A fixed-capacity list stored inline in its owner (no heap), so snapshots that hold one stay plain values that can be
/// copied, published through a mailbox, recorded and replayed without allocating. <typeparamref name="TBuffer"/> is an
/// <c>[InlineArray(N)]</c> struct of <typeparamref name="T"/>; its length is the capacity. Items past the capacity are
/// refused by <see cref="TryAdd"/>: the producer decides what to drop.
/// </summary>
public struct InlineList<T, TBuffer>
    where TBuffer : struct
{
    private TBuffer _items;
    private int _count;

    /// <summary>Items the buffer holds: its size over the item size (an inline array has no padding between elements).</summary>
    public readonly int Capacity => Unsafe.SizeOf<TBuffer>() / Unsafe.SizeOf<T>();

    public readonly int Count => _count;

    public readonly T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                ThrowIndex(index, _count);
            }

            return AsSpan()[index];
        }
    }

    /// <summary>Adds an item; false (and nothing stored) when the list is full.</summary>
    public bool TryAdd(in T item)
    {
        if (_count >= Capacity)
        {
            return false;
        }

        MemoryMarshal.CreateSpan(ref Unsafe.As<TBuffer, T>(ref _items), Capacity)[_count++] = item;
        return true;
    }

    public void Clear() => _count = 0;

    /// <summary>The stored items. Valid as long as this list is neither changed nor goes out of scope.</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<T> AsSpan() =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TBuffer, T>(ref Unsafe.AsRef(in _items)), Capacity)[.._count];

    [DoesNotReturn]
    private static void ThrowIndex(int index, int count) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in 0..{count - 1}");
}

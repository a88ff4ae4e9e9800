using System.Runtime.CompilerServices;

namespace Octopilot.Planner.Faults;

/// <summary>
/// Counts per reason code (a byte enum whose 0 is "none"), stored inline (no heap) so the planner's state stays a plain
/// copyable value. One type for the input faults and the lateral reasons.
/// </summary>
internal struct ReasonCounters<TReason>
    where TReason : unmanaged, Enum
{
    /// <summary>Reason codes 0..15; both enums counted here are far below it (checked once per type).</summary>
    private const int Capacity = 16;

    private static readonly bool ByteEnum = Unsafe.SizeOf<TReason>() == 1
        ? true
        : throw new InvalidOperationException($"{typeof(TReason).Name} must be a byte enum to be counted");

    private Buffer _counts;

    public readonly long this[TReason reason] => _counts[Index(reason)];

    /// <summary>Every count except reason 0 ("none").</summary>
    public readonly long Total
    {
        get
        {
            long sum = 0;
            for (int i = 1; i < Capacity; i++)
            {
                sum += _counts[i];
            }

            return sum;
        }
    }

    public void Increment(TReason reason) => _counts[Index(reason)]++;

    private static int Index(TReason reason) => ByteEnum ? Unsafe.As<TReason, byte>(ref reason) : 0;

    [InlineArray(Capacity)]
    private struct Buffer
    {
        private long _element0;
    }
}

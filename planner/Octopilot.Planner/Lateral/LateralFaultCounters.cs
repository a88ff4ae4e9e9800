using System.Runtime.CompilerServices;

namespace Octopilot.Planner.Lateral;

/// <summary>Per-reason counts, stored inline (no heap) so <see cref="LateralState"/> stays a plain copyable value.</summary>
internal struct LateralFaultCounters
{
    private const int Kinds = (int)LateralReason.LaneChangeRefused + 1;

    private Buffer _counts;

    public readonly long this[LateralReason reason] => _counts[(int)reason];

    public readonly long Total
    {
        get
        {
            long sum = 0;
            for (int i = 1; i < Kinds; i++)
            {
                sum += _counts[i];
            }

            return sum;
        }
    }

    public void Increment(LateralReason reason) => _counts[(int)reason]++;

    [InlineArray(Kinds)]
    private struct Buffer
    {
        private long _element0;
    }
}

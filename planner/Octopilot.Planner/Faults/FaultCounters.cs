using System.Runtime.CompilerServices;
using Octopilot.Planner.Outputs;

namespace Octopilot.Planner.Faults;

/// <summary>Per-kind input fault counts, stored inline (no heap) so the planner state stays a plain copyable value.</summary>
internal struct FaultCounters
{
    private const int Kinds = (int)InputFault.TimestampInFuture + 1;

    private Buffer _counts;

    public readonly long this[InputFault fault] => _counts[(int)fault];

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

    public void Increment(InputFault fault) => _counts[(int)fault]++;

    [InlineArray(Kinds)]
    private struct Buffer
    {
        private long _element0;
    }
}

using System.Diagnostics;
using System.Globalization;
using Octopilot.Planner.Lateral;
using Xunit.Abstractions;

namespace Octopilot.Planner.Tests.Lateral;

public sealed class LateralAllocationTests(ITestOutputHelper output)
{
    [Fact]
    public void Step_10000TicksWithLaneChangeFaultsAndHold_AllocatesZeroBytes()
    {
        var options = new LateralOptions();
        var state = default(LateralState);
        LateralInputs good = ValidityTests.Straight(new LaneCentreLine(0.1, 0.01, 0.001, 1e-6, 0.9));
        LateralInputs change = good;
        change.LaneChangeStart = true;
        change.LaneChangeOffsetM = 3.5;
        LateralInputs nan = good;
        nan.CentreLine = new LaneCentreLine(double.NaN, 0, 0, 0, 1);
        LateralInputs lost = good;
        lost.CentreLine = default;
        LateralController.Step(good, ref state, options, 0.01); // warm-up: JIT
        LateralController.Step(change, ref state, options, 0.01);
        LateralController.Step(nan, ref state, options, 0.01);
        LateralController.Step(lost, ref state, options, 0.01);

        long before = GC.GetAllocatedBytesForCurrentThread();
        long startTicks = Stopwatch.GetTimestamp();
        for (int i = 0; i < 10_000; i++)
        {
            LateralInputs inputs = (i % 1000) switch
            {
                10 => change,
                500 => nan,
                > 600 and < 650 => lost,
                _ => good,
            };
            LateralController.Step(inputs, ref state, options, 0.01);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        double nsPerStep = Stopwatch.GetElapsedTime(startTicks).TotalNanoseconds / 10_000;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{nsPerStep:F0} ns per step (informative; shared CI machine)"));
        Assert.Equal(0, allocated);
    }
}

using System.Diagnostics;
using Octopilot.Cameras.Synthetic;
using Octopilot.Fusion.Objects;
using Octopilot.Fusion.Tests.Infrastructure;
using Octopilot.Fusion.Tracking;
using Xunit.Abstractions;

namespace Octopilot.Fusion.Tests.Objects;

public class DetectionProjectorAllocationTests(ITestOutputHelper output)
{
    /// <param name="ranging">"exact": the oracle's depths used as they are; "weighed": weighed with the bottom rows (a
    /// model's noise); "bottomRow": no depths, the bottom rows alone (ground contact).</param>
    [Theory]
    [InlineData("exact")]
    [InlineData("weighed")]
    [InlineData("bottomRow")]
    public void Project_DefaultScenarioSet500Times_AllocatesNothing(string ranging)
    {
        var scene = new OracleScene(OracleWorlds.DefaultWorld());
        scene.Capture(1_000_000_000, 0, SyntheticCameraRig.DefaultPhaseStepNs);
        if (ranging == "bottomRow")
        {
            for (int c = 0; c < scene.Set.Cameras.Count; c++)
            {
                Span<Inference.Perception.Detection> detections = scene.Set.Camera(c).DetectionStorage[..scene.Set.Camera(c).DetectionCount];
                foreach (ref Inference.Perception.Detection d in detections)
                {
                    d = d with { DepthM = 0, Range = Inference.Perception.RangeSource.GroundContact };
                }
            }
        }

        var options = new DetectionProjectorOptions { DepthNoiseFraction = ranging == "weighed" ? 0.08 : 0 };
        var projector = new DetectionProjector(OracleScene.Rig, OracleScene.ClassNames, options);
        var ego = new EgoMotion(27, 0.01);
        var list = new ObjectMeasurementList();
        for (int i = 0; i < 200; i++)
        {
            projector.Project(scene.Set, 1_000_000_000, ego, ref list);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 500; i++)
        {
            projector.Project(scene.Set, 1_000_000_000, ego, ref list);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.NotEqual(0, list.Count);

        // Best of 20 batches: the dev VM is shared, and the minimum is the least disturbed estimate.
        double bestMicroseconds = double.PositiveInfinity;
        for (int batch = 0; batch < 20; batch++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < 200; i++)
            {
                projector.Project(scene.Set, 1_000_000_000, ego, ref list);
            }

            bestMicroseconds = Math.Min(bestMicroseconds, Stopwatch.GetElapsedTime(start).TotalMicroseconds / 200);
        }

        output.WriteLine($"Project ({ranging}): {bestMicroseconds:F1} µs per set of {list.Count} measurements (best batch of 200)");
        Assert.Equal(ranging != "exact", projector.Total.ContactFits > 0);
    }
}

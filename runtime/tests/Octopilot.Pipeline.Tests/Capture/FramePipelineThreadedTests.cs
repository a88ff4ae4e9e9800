using Octopilot.Cameras;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;
using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Stats;
using Octopilot.Pipeline.Tests.Infrastructure;

namespace Octopilot.Pipeline.Tests.Capture;

/// <summary>The real pipeline: eight capture threads on the monotonic clock, a consumer on the test thread.</summary>
public sealed class FramePipelineThreadedTests
{
    private static readonly CameraMode FastMode = new(32, 24, PixelFormat.Rgb24, 240);

    private static (FramePipeline Pipeline, PacedCameraSource[] Sources) Build(int failEveryNthRead = 0)
    {
        MonotonicClock clock = MonotonicClock.Instance;
        long startNs = clock.NowNs + TimeUnits.MsToNs(20);
        var sources = Enumerable.Range(0, 8)
            .Select(i => new PacedCameraSource(TestModes.EightNames[i], (byte)i, clock, startNs, phaseNs: i * 50_000)
            {
                FailEveryNthRead = i == 3 ? failEveryNthRead : 0,
            })
            .ToArray();
        var options = new PipelineOptions
        {
            Mode = FastMode,
            SyncToleranceNs = TimeUnits.MsToNs(1),
            SetDeadlineNs = 4 * FastMode.FramePeriodNs,
            CaptureLoop = new Pipeline.Capture.CaptureLoopOptions { WarmupFrames = 200 },
        };
        return (new FramePipeline(options, sources, clock), sources);
    }

    [Fact]
    public void FramePipeline_ThousandSetsAfterWarmup_CaptureAndConsumerThreadsAllocateNothing()
    {
        (FramePipeline pipeline, _) = Build();
        using (pipeline)
        {
            pipeline.Start();
            int taken = 0;
            long consumerBefore = 0;
            while (taken < 1200)
            {
                if (taken == 200)
                {
                    consumerBefore = GC.GetAllocatedBytesForCurrentThread();
                }

                if (pipeline.TryTakeSet(200, CancellationToken.None, out FrameSetLease lease))
                {
                    lease.Dispose();
                    taken++;
                }
            }

            long consumerAllocated = GC.GetAllocatedBytesForCurrentThread() - consumerBefore;
            pipeline.Stop();
            var stats = new PipelineStatistics(8);
            pipeline.ReadStatistics(stats);

            Assert.Equal(0, consumerAllocated);
            Assert.True(stats.CaptureSteadyStateFrames >= 8 * 900, $"only {stats.CaptureSteadyStateFrames} frames measured after warm-up");
            Assert.True(stats.CaptureSteadyStateAllocatedBytes == 0, "per loop: " + string.Join(", ", pipeline.Loops.Select(l => $"{l.CameraName}={l.SteadyStateAllocatedBytes}B/{l.SteadyStateFrames}")));
        }
    }

    [Fact]
    public void FramePipeline_InjectedCorruptFrames_CountedAsErrorsPostedAsFaultsAndSetsGoOn()
    {
        (FramePipeline pipeline, PacedCameraSource[] sources) = Build(failEveryNthRead: 10);
        using (pipeline)
        {
            pipeline.Start();
            int taken = 0, missingCamera3 = 0;
            while (taken < 200)
            {
                if (pipeline.TryTakeSet(200, CancellationToken.None, out FrameSetLease lease))
                {
                    using (lease)
                    {
                        taken++;
                        missingCamera3 += lease.HasCamera(3) ? 0 : 1;
                        for (int camera = 0; camera < 8; camera++)
                        {
                            if (lease.HasCamera(camera))
                            {
                                Assert.Equal((byte)camera, lease.Slab.Slot(camera)[0]);
                            }
                        }
                    }
                }
            }

            pipeline.Stop();
            long errors = pipeline.Assembler.Counters[3].Errors;
            Assert.True(errors >= 15, $"camera 3 failed every 10th read but only {errors} errors were counted");
            Assert.True(missingCamera3 >= 10, $"sets missing camera 3: {missingCamera3}");
            Assert.True(pipeline.Faults.TryRead(out var fault));
            Assert.Equal(3, fault.Camera);
            Assert.Equal(CaptureStatus.CorruptFrame, fault.Status);
            Assert.Equal(0, pipeline.Assembler.Counters[0].Errors);
            Assert.Equal(0, pipeline.Assembler.LeasedCount);
            Assert.True(sources[0].FramesRead > 0);
        }
    }
}

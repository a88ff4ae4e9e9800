using Octopilot.Core.Time;
using Octopilot.Planner.Tick.Tests.Infrastructure;

namespace Octopilot.Planner.Tick.Tests;

/// <summary>
/// Real-time requests are granted or refused depending on where the tests run (root on a VM: granted; a container or
/// CI without CAP_SYS_NICE: EPERM). Either way the outcome is reported, at most one line is logged, and ticks happen.
/// </summary>
public sealed class RealtimeSetupTests
{
    [Fact]
    public void Start_NothingRequested_ReportsNotRequestedAndLogsNothing()
    {
        using var harness = new LoopHarness();
        harness.Start();
        harness.RunOnTime(1);
        TickLoopStatistics statistics = harness.Settle();

        Assert.Equal(RealtimeGrant.NotRequested, statistics.Realtime.Fifo);
        Assert.Equal(RealtimeGrant.NotRequested, statistics.Realtime.Pinning);
        Assert.False(statistics.Realtime.AnyRefused);
        Assert.Equal("", harness.Log.ToString());
    }

    [Fact]
    public void Start_FifoAndCoreRequested_OutcomeReportedAtMostOneLineLoggedAndTicksHappen()
    {
        var options = new TickLoopOptions { PeriodNs = LoopHarness.PeriodNs, FifoPriority = 10, CpuCore = 0 };
        using var harness = new LoopHarness(options: options);
        harness.Start();
        harness.RunOnTime(2);
        TickLoopStatistics statistics = harness.Settle();
        harness.Loop.Dispose(); // the tick thread ends, so it no longer holds SCHED_FIFO on the test machine

        RealtimeSetupResult result = statistics.Realtime;
        Assert.Contains(result.Fifo, new[] { RealtimeGrant.Granted, RealtimeGrant.NotPermitted, RealtimeGrant.Unsupported });
        Assert.Contains(result.Pinning, new[] { RealtimeGrant.Granted, RealtimeGrant.NotPermitted, RealtimeGrant.Failed, RealtimeGrant.Unsupported });
        Assert.Equal(10, result.FifoPriority);
        Assert.Equal(0, result.CpuCore);
        string[] lines = harness.Log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(result.AnyRefused ? 1 : 0, lines.Length);
        Assert.Equal(2, statistics.Ticks);
    }

    [Fact]
    public void Start_CoreOutsideTheMachine_ReportedFailedWithEinvalAndOneLine()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var options = new TickLoopOptions { PeriodNs = LoopHarness.PeriodNs, CpuCore = TickLoopOptions.MaxCpuCore };
        using var harness = new LoopHarness(options: options);
        harness.Start();
        harness.RunOnTime(1);
        TickLoopStatistics statistics = harness.Settle();

        Assert.Equal(RealtimeGrant.Failed, statistics.Realtime.Pinning);
        Assert.Equal(22, statistics.Realtime.PinningErrno);
        string line = Assert.Single(harness.Log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("core 1023: failed (EINVAL (22))", line);
        Assert.Contains("normal priority", line);
    }

    [Fact]
    public void Describe_Refusal_NamesRequestOutcomeAndErrno()
    {
        var result = new RealtimeSetupResult(RealtimeGrant.NotPermitted, 50, 1, RealtimeGrant.Granted, 1, 0);

        Assert.Equal("SCHED_FIFO 50: not permitted (EPERM (1)); core 1: granted", result.Describe());
        Assert.Contains("CAP_SYS_NICE", RealtimeSetup.RefusalLine("planner-tick", in result));
    }

    [Fact]
    public void Statistics_BeforeStart_RealtimePending()
    {
        using var loop = new FixedTickLoop(new ScriptedStep(1), MonotonicClock.Instance, new TickLoopOptions(), NullTickObserver.Instance, TextWriter.Null);
        var statistics = new TickLoopStatistics();
        loop.ReadStatistics(statistics);

        Assert.Equal(RealtimeGrant.Pending, statistics.Realtime.Fifo);
    }
}

using Octopilot.Core.Statistics;

namespace Octopilot.Planner.Tick;

/// <summary>The per-tick bookkeeping of <see cref="FixedTickLoop"/>: counters, histograms, hysteresis, allocation meter.</summary>
public sealed partial class FixedTickLoop
{
    // Written by the tick thread under the lock once per tick, copied by readers under it: the lock is uncontended
    // almost always, and a reader holds it only for two 5 KiB array copies.
    private readonly Lock _statisticsLock = new();
    private readonly LogHistogram _latenessNs = new();
    private readonly LogHistogram _stepDurationNs = new();
    private readonly OverrunHysteresis _hysteresis;
    private long _ticks;
    private long _lateTicks;
    private long _skippedTicks;
    private long _stepExceptions;
    private long _observerExceptions;
    private long _degradedEpisodes;
    private bool _isDegraded;
    private bool _hasEnded;
    private RealtimeSetupResult _realtime;
    private long _allocationBaselineBytes = -1;
    private long _allocationBaselineTick;
    private long _steadyStateAllocatedBytes;
    private long _steadyStateTicks;

    /// <summary>Copies every counter and both histograms into <paramref name="target"/> without allocating; any thread.</summary>
    public void ReadStatistics(TickLoopStatistics target)
    {
        ArgumentNullException.ThrowIfNull(target);
        lock (_statisticsLock)
        {
            target.Ticks = _ticks;
            target.LateTicks = _lateTicks;
            target.SkippedTicks = _skippedTicks;
            target.StepExceptions = _stepExceptions;
            target.ObserverExceptions = _observerExceptions;
            target.IsDegraded = _isDegraded;
            target.DegradedEpisodes = _degradedEpisodes;
            target.SteadyStateAllocatedBytes = _steadyStateAllocatedBytes;
            target.SteadyStateTicks = _steadyStateTicks;
            target.Realtime = _realtime;
            target.HasEnded = _hasEnded;
            _latenessNs.CopyTo(target.LatenessNs);
            _stepDurationNs.CopyTo(target.StepDurationNs);
        }
    }

    /// <summary>Records one tick that ran, then reports misses and degraded changes to the observer outside the lock.</summary>
    private void Account(in TickContext context, long stepDurationNs, long skipped)
    {
        AssertOnTickThread();
        bool late = context.LatenessNs > context.PeriodNs;
        long missed = (late ? 1 : 0) + skipped;
        bool degradedChanged = _hysteresis.Record(isBad: missed > 0);
        lock (_statisticsLock)
        {
            _ticks++;
            _latenessNs.Record(context.LatenessNs);
            _stepDurationNs.Record(stepDurationNs);
            _lateTicks += late ? 1 : 0;
            _skippedTicks += skipped;
            if (degradedChanged)
            {
                _isDegraded = _hysteresis.IsDegraded;
                _degradedEpisodes += _isDegraded ? 1 : 0;
            }
        }

        if (missed > 0)
        {
            NotifyMissed(in context, missed);
        }

        if (degradedChanged)
        {
            NotifyDegradedChanged(in context, _hysteresis.IsDegraded);
        }

        MeterAllocations();
    }

    private void NotifyMissed(in TickContext context, long missed)
    {
        try
        {
            _observer.TicksMissed(in context, missed);
        }
        catch (Exception)
        {
            CountObserverException();
        }
    }

    private void NotifyDegradedChanged(in TickContext context, bool isDegraded)
    {
        try
        {
            _observer.DegradedChanged(in context, isDegraded);
        }
        catch (Exception)
        {
            CountObserverException();
        }
    }

    private void CountObserverException()
    {
        lock (_statisticsLock)
        {
            _observerExceptions++;
        }
    }

    /// <summary>Bytes this thread allocated since warm-up ended, like the capture loops: the proof of "no allocation per tick".</summary>
    private void MeterAllocations()
    {
        long ticks = _ticks; // only this thread writes it
        if (_allocationBaselineBytes < 0)
        {
            if (ticks >= _options.WarmupTicks)
            {
                _allocationBaselineBytes = GC.GetAllocatedBytesForCurrentThread();
                _allocationBaselineTick = ticks;
            }

            return;
        }

        long allocatedBytes = GC.GetAllocatedBytesForCurrentThread() - _allocationBaselineBytes;
        lock (_statisticsLock)
        {
            _steadyStateAllocatedBytes = allocatedBytes;
            _steadyStateTicks = ticks - _allocationBaselineTick;
        }
    }
}

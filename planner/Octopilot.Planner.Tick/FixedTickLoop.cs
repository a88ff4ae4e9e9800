using System.Diagnostics;
using Octopilot.Core.Statistics;
using Octopilot.Core.Time;

namespace Octopilot.Planner.Tick;

/// <summary>
/// Runs an <see cref="ITickStep"/> on its own dedicated thread at a fixed period against absolute deadlines of an
/// injected <see cref="IClock"/> (CLOCK_MONOTONIC + clock_nanosleep TIMER_ABSTIME in production, a virtual clock in
/// tests and replay), so a late wake-up never shifts the deadlines after it.
/// <para>
/// Every tick: sleep to the deadline, measure lateness (wake − deadline), run the step (exceptions caught, counted,
/// reported), then pick the next deadline. The next deadline is the first one on the grid at or after the end of the
/// step: deadlines that passed while the step ran are skipped and counted, never run back to back to catch up (a
/// burst would serve stale intent and, under SCHED_FIFO, starve the core). A deadline that is skipped, or served more
/// than one period late, is a missed tick. Consecutive bad ticks raise a degraded flag with hysteresis.
/// </para>
/// Allocates nothing per tick and measures that itself; statistics are copied out under a short lock.
/// </summary>
public sealed partial class FixedTickLoop : IDisposable
{
    private readonly ITickStep _step;
    private readonly IClock _clock;
    private readonly TickLoopOptions _options;
    private readonly ITickObserver _observer;
    private readonly TextWriter _log;
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private long _firstDeadlineNs;
    private bool _firstDeadlineGiven;
    private bool _disposed;

    /// <param name="step">Called on the tick thread only; the loop does not own it.</param>
    /// <param name="clock">The one clock: deadlines and lateness are in its nanoseconds.</param>
    /// <param name="options">Period, real-time requests, hysteresis.</param>
    /// <param name="observer">Watchdog callbacks, on the tick thread; <see cref="NullTickObserver.Instance"/> for none.</param>
    /// <param name="log">Receives the one line when real-time setup is refused; written from the tick thread.</param>
    public FixedTickLoop(ITickStep step, IClock clock, TickLoopOptions options, ITickObserver observer, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(observer);
        ArgumentNullException.ThrowIfNull(log);
        _step = step;
        _clock = clock;
        _options = options;
        _observer = observer;
        _log = log;
        _hysteresis = new OverrunHysteresis(options.DegradedAfterBadTicks, options.RecoveredAfterGoodTicks);
    }

    public TickLoopOptions Options => _options;

    /// <summary>Starts the tick thread; the first deadline is one period after the thread starts.</summary>
    public void Start() => StartThread(firstDeadlineNs: 0, firstDeadlineGiven: false);

    /// <summary>
    /// Starts the tick thread with the deadline grid anchored at <paramref name="firstDeadlineNs"/> (clock ns), e.g. to
    /// align ticks with a replay's timeline. A first deadline already in the past is served at once (counted late if
    /// more than one period late) and the grid continues from it.
    /// </summary>
    public void Start(long firstDeadlineNs) => StartThread(firstDeadlineNs, firstDeadlineGiven: true);

    /// <summary>Asks the loop to stop and waits for its thread to end; a sleep in progress is cut short by the clock's cancellation.</summary>
    public void Stop()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _stop.Cancel();
        // A step or observer may stop its own loop: then the thread ends after this tick, and must not join itself.
        if (_thread is not null && _thread != Thread.CurrentThread)
        {
            _thread.Join();
        }
    }

    /// <summary>Stops the loop. The step and the observer are not disposed: the caller owns them.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Stop();
        _stop.Dispose();
        _disposed = true;
    }

    private void StartThread(long firstDeadlineNs, bool firstDeadlineGiven)
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException($"tick loop '{_options.ThreadName}' was already started; a loop runs once");
        }

        _firstDeadlineNs = firstDeadlineNs;
        _firstDeadlineGiven = firstDeadlineGiven;
        // 256 KiB: the step is a small pure function; a small stack keeps the thread cheap and its pages hot.
        _thread = new Thread(Run, maxStackSize: 256 * 1024) { IsBackground = true, Name = _options.ThreadName };
        _thread.Start();
    }

    private void Run()
    {
        SetUpRealtime();
        CancellationToken stopToken = _stop.Token;
        long periodNs = _options.PeriodNs;
        long deadlineNs = _firstDeadlineGiven ? _firstDeadlineNs : _clock.NowNs + periodNs;
        long tickIndex = 0;
        try
        {
            while (_clock.SleepUntil(deadlineNs, stopToken))
            {
                var context = new TickContext(tickIndex, deadlineNs, _clock.NowNs, periodNs);
                RunStep(in context);
                long endNs = _clock.NowNs;

                // Deadlines strictly before the end of the step have passed: skip them. One at exactly the end is
                // still served on time (lateness 0).
                long skipped = endNs > deadlineNs ? (endNs - deadlineNs - 1) / periodNs : 0;
                Account(in context, endNs - context.WakeNs, skipped);
                tickIndex += 1 + skipped;
                deadlineNs += (1 + skipped) * periodNs;
            }
        }
        finally
        {
            lock (_statisticsLock)
            {
                _hasEnded = true;
            }
        }
    }

    private void RunStep(in TickContext context)
    {
        try
        {
            _step.Tick(in context);
        }
        catch (Exception exception)
        {
            // The planner must keep ticking: a failing step is counted and reported, the next tick tries again.
            lock (_statisticsLock)
            {
                _stepExceptions++;
            }

            try
            {
                _observer.StepFailed(in context, exception);
            }
            catch (Exception)
            {
                CountObserverException();
            }
        }
    }

    private void SetUpRealtime()
    {
        RealtimeSetupResult result = RealtimeSetup.ApplyToCurrentThread(_options.FifoPriority, _options.CpuCore);
        lock (_statisticsLock)
        {
            _realtime = result;
        }

        if (result.AnyRefused)
        {
            _log.WriteLine(RealtimeSetup.RefusalLine(_options.ThreadName, in result));
        }
    }

    [Conditional("DEBUG")]
    private void AssertOnTickThread() =>
        Debug.Assert(Thread.CurrentThread == _thread, $"{nameof(FixedTickLoop)} bookkeeping runs on the tick thread only");
}

using Octopilot.Core.Threading;
using Octopilot.Core.Time;
using Octopilot.Planner.Inputs;
using Octopilot.Replay.Codecs;

namespace Octopilot.Replay.Playback.Realtime;

/// <summary>
/// The replay's vehicle: publishes the vehicle states the recorded planner ticks read into the planner's vehicle
/// mailbox, at their recorded times on the replay's (drive-time) clock, from its own thread (<c>replay-vehicle</c>).
/// So the live planner ticks on live-recomputed world models and the recorded vehicle.
/// <para>
/// Each state is published <see cref="LeadNs"/> before the tick that read it: the live tick loop is started on the
/// recorded tick grid, so live tick k then reads the state recorded tick k read, not the one before it. Only changes
/// are published (states are compared as their recorded bytes, once, at construction): a steady state costs one wake-up,
/// not one per tick. The mailbox's single-writer promise holds: this thread is its only writer once started.
/// </para>
/// Lifetime: construct (copies the states in the window), <see cref="Start"/>, <see cref="Stop"/>. Allocates nothing
/// while running.
/// </summary>
public sealed class ReplayVehicle : IDisposable
{
    /// <summary>Half the planner's 10 ms tick: early enough to win the race with the tick it belongs to, late enough not to be read by the tick before.</summary>
    public const long DefaultLeadNs = 5_000_000;

    private readonly long[] _dueNs;
    private readonly VehicleState[] _states;
    private readonly LatestValueMailbox<VehicleState> _mailbox;
    private readonly IClock _clock;
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private long _published;
    private volatile bool _ended;

    /// <param name="ticks">The drive's recorded ticks in tick order (<see cref="DriveTimeline.Commands"/>).</param>
    /// <param name="mailbox">The planner's vehicle mailbox; this object becomes its only writer.</param>
    /// <param name="clock">The replay's clock, in drive time.</param>
    /// <param name="fromNs">First tick time replayed, drive ns (inclusive).</param>
    /// <param name="toNs">Tick time where the replay ends, drive ns (exclusive).</param>
    /// <param name="leadNs">How long before its tick each state is published, ns (≥ 0).</param>
    public ReplayVehicle(
        IReadOnlyList<RecordedCommand> ticks, LatestValueMailbox<VehicleState> mailbox, IClock clock, long fromNs = long.MinValue, long toNs = long.MaxValue,
        long leadNs = DefaultLeadNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leadNs);
        _mailbox = mailbox;
        _clock = clock;
        LeadNs = leadNs;
        var due = new List<long>();
        var states = new List<VehicleState>();
        byte[] previous = new byte[VehicleStateCodec.SizeBytes], current = new byte[VehicleStateCodec.SizeBytes];
        for (int i = 0; i < ticks.Count; i++)
        {
            RecordedTick tick = ticks[i].Tick;
            if (tick.NowNs < fromNs || tick.NowNs >= toNs)
            {
                continue;
            }

            VehicleStateCodec.Write(tick.Vehicle, current);
            if (states.Count > 0 && current.AsSpan().SequenceEqual(previous))
            {
                continue;
            }

            due.Add(tick.NowNs - leadNs);
            states.Add(tick.Vehicle);
            (previous, current) = (current, previous);
        }

        _dueNs = [.. due];
        _states = [.. states];
    }

    public long LeadNs { get; }

    /// <summary>Distinct states in the window (the publications this vehicle will make).</summary>
    public int StateChanges => _states.Length;

    /// <summary>States published so far.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>True once every state was published, or the vehicle was stopped.</summary>
    public bool HasEnded => _ended;

    /// <summary>Publishes the first state at once (so the planner's first tick has a vehicle) and starts the thread for the rest.</summary>
    public void Start()
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("the replay vehicle was already started");
        }

        if (_states.Length == 0)
        {
            _ended = true;
            return;
        }

        _mailbox.Publish(_states[0]);
        Interlocked.Increment(ref _published);
        _thread = new Thread(Run, maxStackSize: 256 * 1024) { IsBackground = true, Name = "replay-vehicle" };
        _thread.Start();
    }

    /// <summary>Stops publishing and waits for the thread.</summary>
    public void Stop()
    {
        _stop.Cancel();
        _thread?.Join();
        _ended = true;
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
    }

    private void Run()
    {
        CancellationToken stopToken = _stop.Token;
        try
        {
            for (int i = 1; i < _states.Length; i++)
            {
                if (!_clock.SleepUntil(_dueNs[i], stopToken))
                {
                    return;
                }

                _mailbox.Publish(_states[i]);
                Interlocked.Increment(ref _published);
            }
        }
        finally
        {
            _ended = true;
        }
    }
}

using Octopilot.Core.Time;

namespace Octopilot.Replay.Playback.Realtime;

/// <summary>
/// The clock of a real-time replay: it reads the recorded drive's own time (the recording computer's monotonic ns), and
/// moves at <see cref="Speed"/> times the pace of an underlying clock (CLOCK_MONOTONIC in the host, a
/// <see cref="VirtualClock"/> in tests). Drive time <c>d</c> falls due at wall time
/// <c>wallOriginNs + (d − driveOriginNs) / speed</c>: the mapping of recorded start-of-frame times onto now that the
/// real-time mode asks for, applied once, here, instead of to every stamp.
/// <para>
/// Why the pipeline runs on drive time rather than on stamps mapped to the wall clock: every duration the world model,
/// tracker, planner and assembler compute from two stamps is then the recorded duration at any speed (at 2x a mapped
/// stamp would halve every dt, so the tracker would see objects move twice as fast as the ego that drives past them),
/// and the oracle can render its labels at the ticket's start of frame unchanged, which is the recorded one exactly (no
/// inverse mapping, no rounding). What is measured on this clock (latency, lateness) is in drive ns: divide by
/// <see cref="Speed"/> for wall time. At speed 1 the clock is the underlying one shifted by a whole number of ns.
/// </para>
/// Thread-safe (immutable; the underlying clock is).
/// </summary>
public sealed class DriveTimeClock : IClock
{
    /// <summary>Fastest pace accepted: beyond 1000x a 100 Hz tick would have to run at 100 kHz.</summary>
    public const double MaxSpeed = 1000;

    private readonly IClock _wall;
    private readonly bool _unitSpeed;

    /// <param name="wall">The clock that paces the replay (its time base is the "wall").</param>
    /// <param name="driveOriginNs">A drive time, ns, that falls due at <paramref name="wallOriginNs"/>.</param>
    /// <param name="wallOriginNs">The underlying clock's time at which <paramref name="driveOriginNs"/> falls due.</param>
    /// <param name="speed">Drive seconds per wall second, in (0, <see cref="MaxSpeed"/>].</param>
    public DriveTimeClock(IClock wall, long driveOriginNs, long wallOriginNs, double speed)
    {
        if (!(speed > 0 && speed <= MaxSpeed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, $"replay speed must be in (0, {MaxSpeed}] (drive seconds per wall second), got {speed}");
        }

        _wall = wall;
        DriveOriginNs = driveOriginNs;
        WallOriginNs = wallOriginNs;
        Speed = speed;
        _unitSpeed = speed == 1.0;
    }

    public long DriveOriginNs { get; }

    public long WallOriginNs { get; }

    public double Speed { get; }

    /// <summary>Drive time now, ns.</summary>
    public long NowNs => ToDriveNs(_wall.NowNs);

    /// <summary>The drive time that is current at wall time <paramref name="wallNs"/> (rounded down).</summary>
    public long ToDriveNs(long wallNs) => _unitSpeed
        ? DriveOriginNs + (wallNs - WallOriginNs)
        : DriveOriginNs + (long)Math.Floor((wallNs - WallOriginNs) * Speed);

    /// <summary>The first wall time at which drive time <paramref name="driveNs"/> is due (rounded up).</summary>
    public long ToWallNs(long driveNs) => _unitSpeed
        ? WallOriginNs + (driveNs - DriveOriginNs)
        : WallOriginNs + (long)Math.Ceiling((driveNs - DriveOriginNs) / Speed);

    /// <summary>A drive-time duration as wall time, ns (for latency shown to a person).</summary>
    public double DriveToWallNs(long driveDurationNs) => driveDurationNs / Speed;

    /// <summary>Sleeps on the underlying clock until drive time reaches <paramref name="deadlineNs"/>. Allocates nothing.</summary>
    public bool SleepUntil(long deadlineNs, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            long wallNowNs = _wall.NowNs;
            if (ToDriveNs(wallNowNs) >= deadlineNs)
            {
                return true;
            }

            // The rounded-up wall deadline is due in exact arithmetic; the +1 guards against a floating-point round
            // trip that lands a nanosecond short, so the loop always moves.
            long wallDeadlineNs = Math.Max(ToWallNs(deadlineNs), wallNowNs + 1);
            if (!_wall.SleepUntil(wallDeadlineNs, cancellationToken))
            {
                return false;
            }
        }
    }
}

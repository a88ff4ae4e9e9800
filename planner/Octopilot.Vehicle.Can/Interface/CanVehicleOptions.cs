using Octopilot.Core.Time;
using Octopilot.Vehicle.Can.Checksums;
using Octopilot.Vehicle.Can.Commands;
using Octopilot.Vehicle.Can.Dbc;
using Octopilot.Vehicle.Can.Mapping;
using Octopilot.Vehicle.Can.Steering;
using Octopilot.Vehicle.Can.Toyota;

namespace Octopilot.Vehicle.Can.Interface;

/// <summary>
/// What a <see cref="CanVehicleInterface"/> needs: the DBC, the signal map, the car's checksum, the command frame and
/// the timing rules. Immutable; numbers are checked when set, names when the interface is built.
/// </summary>
public sealed record CanVehicleOptions
{
    /// <summary>
    /// 100 ms: a required message older than this makes the state invalid. About twice the largest gap of any
    /// required Toyota message in the RAV4 minute (45.6 ms; PCM_CRUISE and PCM_CRUISE_2 run at 31.5 Hz), so two lost frames in a row are tolerated and
    /// three are not; the planner then falls back on its next 10 ms tick.
    /// </summary>
    public static readonly long DefaultSilenceBoundNs = 100 * TimeUnits.NsPerMs;

    /// <summary>50 ms: how long one read waits before the reader thread checks for Stop (sources that can time out).</summary>
    public static readonly long DefaultReadTimeoutNs = 50 * TimeUnits.NsPerMs;

    /// <summary>1 s: how long <see cref="CanVehicleInterface.Stop"/> waits for the reader thread before giving up on it.</summary>
    public static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(1);

    private readonly long _silenceBoundNs = DefaultSilenceBoundNs;
    private readonly long _readTimeoutNs = DefaultReadTimeoutNs;
    private readonly TimeSpan _stopTimeout = DefaultStopTimeout;
    private readonly double _accelFilterTimeConstantS = VehicleStateDecoder.DefaultAccelFilterTimeConstantS;

    public required DbcFile Dbc { get; init; }

    public required VehicleSignalMap Map { get; init; }

    /// <summary>The car's frame checksum (needed when the map or the command names a checksum signal).</summary>
    public IFrameChecksum? Checksum { get; init; }

    /// <summary>The command frame; null = listen only (replay, or a car we must not command): Send counts failures.</summary>
    public CommandFrameSpec? Command { get; init; }

    /// <summary>
    /// The steering-torque command frame (curvature → torque, limits, frame); null = no lateral frames. Needs a map with
    /// the steering-wheel angle, its geometry and the motor torque (checked when the interface is built).
    /// </summary>
    public LateralTorqueCommandSpec? LateralCommand { get; init; }

    /// <summary>Largest age of any required message for a valid state, ns, &gt; 0. Default <see cref="DefaultSilenceBoundNs"/>.</summary>
    public long SilenceBoundNs
    {
        get => _silenceBoundNs;
        init => _silenceBoundNs = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(SilenceBoundNs), value, "the silence bound must be > 0 ns");
    }

    /// <summary>Timeout of one source read, ns, &gt; 0. Default <see cref="DefaultReadTimeoutNs"/>.</summary>
    public long ReadTimeoutNs
    {
        get => _readTimeoutNs;
        init => _readTimeoutNs = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(ReadTimeoutNs), value, "the read timeout must be > 0 ns");
    }

    public TimeSpan StopTimeout
    {
        get => _stopTimeout;
        init => _stopTimeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(StopTimeout), value, "the stop timeout must be > 0");
    }

    /// <summary>Time constant of the speed-derivative filter that gives the acceleration, s, &gt; 0.</summary>
    public double AccelFilterTimeConstantS
    {
        get => _accelFilterTimeConstantS;
        init => _accelFilterTimeConstantS = value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(AccelFilterTimeConstantS), value, "the filter time constant must be finite and > 0 s");
    }

    /// <summary>Name of the reader thread (shows in <c>top -H</c> and debuggers; Linux keeps the first 15 characters).</summary>
    public string ReaderThreadName { get; init; } = "can-rx";

    /// <summary>The Toyota TSS-P preset (map, checksum, ACC_CONTROL, STEERING_LKA) over <paramref name="dbc"/> (toyota_new_mc_pt_generated.dbc).</summary>
    public static CanVehicleOptions ToyotaTssP(DbcFile dbc) => new()
    {
        Dbc = dbc,
        Map = Toyota.ToyotaTssP.SignalMap,
        Checksum = Toyota.ToyotaTssP.Checksum,
        Command = Toyota.ToyotaTssP.AccControl,
        LateralCommand = Toyota.ToyotaTssP.LateralCommand,
    };
}

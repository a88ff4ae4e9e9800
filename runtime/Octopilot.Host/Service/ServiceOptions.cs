namespace Octopilot.Host.Service;

/// <summary>
/// `octopilot run --config FILE`: the service's configuration, bound from the JSON file's top level, then from
/// environment variables <c>OCTOPILOT_RUN_&lt;key&gt;</c> (<c>OCTOPILOT_RUN_VEHICLE__KIND=simulated</c>: a unit file's drop-in
/// can override one key). Unknown keys are errors. Validated as a whole at start by
/// <see cref="ServiceOptionsValidator"/>: every error names its key, the value and the rule; exit code 2.
/// </summary>
public sealed class ServiceOptions
{
    /// <summary>Free text for people reading the file.</summary>
    public string? Description { get; set; }

    /// <summary>The pipeline settings file (cameras, rig, scenario, mode, pipeline, inference), relative to the config file.</summary>
    public string? Settings { get; set; }

    /// <summary>"oracle" or "model": which perception drives the world model.</summary>
    public string Perception { get; set; } = "model";

    /// <summary>Seconds to wait at start for every camera's first frame before giving up (exit 1, systemd restarts).</summary>
    public double StartupTimeoutS { get; set; } = 20;

    /// <summary>Bound on a graceful stop (SIGTERM → stopped), s; systemd's TimeoutStopSec should exceed it.</summary>
    public double ShutdownTimeoutS { get; set; } = 5;

    public VehicleSection Vehicle { get; set; } = new();

    public DriveLogSection? DriveLog { get; set; }

    public WatchdogSection Watchdog { get; set; } = new();

    /// <summary>The planner tick thread's scheduling: SCHED_FIFO priority and core (unit: LimitRTPRIO must allow it).</summary>
    public RealtimeSection Realtime { get; set; } = new();

    /// <summary>Test-only fault injection (documented as such; refused unless <see cref="FaultSection.Enabled"/>).</summary>
    public FaultSection Faults { get; set; } = new();
}

/// <summary>Where the vehicle state comes from and where commands go.</summary>
public sealed class VehicleSection
{
    /// <summary>"simulated" (scripted ego of the scenario) or "can".</summary>
    public string Kind { get; set; } = "simulated";

    /// <summary>Vehicle state older than this is invalid (CAN silence), s.</summary>
    public double SilenceTimeoutS { get; set; } = 0.2;

    /// <summary>With kind "can": the bus, the signal database, and optionally a candump log played as the bus.</summary>
    public CanSection Can { get; set; } = new();
}

/// <summary>The CAN vehicle interface (Toyota TSS-P signal map).</summary>
public sealed class CanSection
{
    /// <summary>SocketCAN interface, e.g. "can0" (ignored when <see cref="CandumpLog"/> is set).</summary>
    public string Interface { get; set; } = "can0";

    /// <summary>DBC file with the car's signals, relative to the config file.</summary>
    public string? Dbc { get; set; }

    /// <summary>A candump log (plain or .gz) played as the bus at its own pace: HIL benches without a car.</summary>
    public string? CandumpLog { get; set; }
}

/// <summary>Drive recording: where (the unit's only writable path) and how.</summary>
public sealed class DriveLogSection
{
    /// <summary>Folder under which each run records into a new drive folder named by its start time.</summary>
    public string? Folder { get; set; }

    public double SegmentLengthS { get; set; } = 60;

    public int Decimation { get; set; } = 1;

    /// <summary>"interval", "rotation" or "none".</summary>
    public string Fsync { get; set; } = "interval";
}

/// <summary>What the watchdog pings require.</summary>
public sealed class WatchdogSection
{
    /// <summary>Planner ticks that must have happened since the last ping (at 100 Hz, a half period of 0.5 s holds ~50).</summary>
    public int MinTicksPerPing { get; set; } = 1;

    /// <summary>Frame sets perceived since the last ping.</summary>
    public int MinSetsPerPing { get; set; } = 1;
}

/// <summary>Real-time scheduling of the tick thread; refused by the kernel → logged once, the tick runs at normal priority.</summary>
public sealed class RealtimeSection
{
    /// <summary>SCHED_FIFO priority 1..99 for the tick thread; null keeps normal scheduling.</summary>
    public int? TickFifoPriority { get; set; }

    /// <summary>CPU core to pin the tick thread to; null lets the kernel choose.</summary>
    public int? TickCpuCore { get; set; }
}

/// <summary>Fault injection for the service tests: stalls the tick thread so the watchdog must stop pinging.</summary>
public sealed class FaultSection
{
    public bool Enabled { get; set; }

    /// <summary>Block the planner tick thread this many seconds after start (it resumes at shutdown).</summary>
    public double? StallTickAfterS { get; set; }
}

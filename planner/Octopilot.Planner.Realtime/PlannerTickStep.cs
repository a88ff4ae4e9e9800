using Octopilot.Core.Threading;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Tick;

namespace Octopilot.Planner.Realtime;

/// <summary>
/// One planner tick: take the newest world model and vehicle state from their mailboxes (never waiting on their
/// writers), step the planner at the tick's wake time, publish the command. When a mailbox read overlaps a write too
/// often, the previous value is kept and counted; the world model's own timestamp then ages, so the planner's
/// staleness rule (gentle deceleration, takeover request) takes over without any special path here.
/// Runs only on the tick thread; allocates nothing.
/// </summary>
public sealed class PlannerTickStep : ITickStep
{
    private readonly Planner _planner;
    private readonly LatestValueMailbox<WorldModelSnapshot> _world;
    private readonly LatestValueMailbox<VehicleState> _vehicle;
    private readonly LatestValueMailbox<PlannerOutput> _commands;
    private readonly IPlannerTickObserver? _observer;
    private PlannerInputs _inputs;
    private long _contendedReads;
    private long _steps;

    public PlannerTickStep(
        PlannerOptions options,
        LatestValueMailbox<WorldModelSnapshot> world,
        LatestValueMailbox<VehicleState> vehicle,
        LatestValueMailbox<PlannerOutput> commands,
        IPlannerTickObserver? observer = null)
    {
        _observer = observer;
        _planner = new Planner(options);
        _world = world;
        _vehicle = vehicle;
        _commands = commands;
    }

    /// <summary>Mailbox reads that gave up because writes kept overlapping (the previous value was used).</summary>
    public long ContendedReads => Interlocked.Read(ref _contendedReads);

    public long Steps => Interlocked.Read(ref _steps);

    public void Tick(in TickContext context)
    {
        if (!_world.TryRead(out WorldModelSnapshot world, out int worldVersion))
        {
            if (worldVersion < 0)
            {
                Interlocked.Increment(ref _contendedReads);
            }
        }
        else
        {
            _inputs.World = world;
        }

        if (!_vehicle.TryRead(out VehicleState vehicle, out int vehicleVersion))
        {
            if (vehicleVersion < 0)
            {
                Interlocked.Increment(ref _contendedReads);
            }
        }
        else
        {
            _inputs.Vehicle = vehicle;
        }

        _inputs.NowNs = context.WakeNs;
        PlannerOutput command = _planner.Step(_inputs);
        _commands.Publish(command);
        _observer?.OnTick(_inputs, command);
        Interlocked.Increment(ref _steps);
    }
}

using Octopilot.Core.Threading;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Tick;
using Octopilot.Vehicle;

namespace Octopilot.Planner.Realtime;

/// <summary>
/// The planner tick wired to a vehicle: read the vehicle's state at the tick's wake time (an invalid or silent state
/// reaches the planner as a non-finite speed, so its input check falls back: gentle deceleration and a takeover
/// request), step the planner, send its command to the vehicle on the same tick. One thread, no allocation; the
/// vehicle interface's own reader thread (CAN) or model (simulated) is behind <see cref="IVehicleInterface"/>.
/// </summary>
public sealed class VehicleLinkTickStep : ITickStep
{
    private readonly IVehicleInterface _vehicle;
    private readonly ITickStep _planner;
    private readonly LatestValueMailbox<VehicleState> _vehicleMailbox;
    private readonly LatestValueMailbox<PlannerOutput> _commands;
    private readonly Action<long>? _advance;
    private long _invalidStates;

    /// <param name="vehicle">The vehicle; started and stopped by its owner.</param>
    /// <param name="planner">The planner's step, reading <paramref name="vehicleMailbox"/> and publishing to <paramref name="commands"/>.</param>
    /// <param name="vehicleMailbox">Where this step puts the vehicle state for the planner.</param>
    /// <param name="commands">Where the planner publishes its command.</param>
    /// <param name="advance">A simulated vehicle's integration to the tick time (null for a real one).</param>
    public VehicleLinkTickStep(
        IVehicleInterface vehicle, ITickStep planner, LatestValueMailbox<VehicleState> vehicleMailbox, LatestValueMailbox<PlannerOutput> commands,
        Action<long>? advance = null)
    {
        _vehicle = vehicle;
        _planner = planner;
        _vehicleMailbox = vehicleMailbox;
        _commands = commands;
        _advance = advance;
    }

    /// <summary>Ticks on which the vehicle state was not valid (never received, incomplete, silent).</summary>
    public long InvalidStates => Interlocked.Read(ref _invalidStates);

    public void Tick(in TickContext context)
    {
        _advance?.Invoke(context.WakeNs);
        _vehicle.TryReadState(context.WakeNs, out VehicleStateSample sample);
        if (!sample.IsValid)
        {
            Interlocked.Increment(ref _invalidStates);
        }

        _vehicleMailbox.Publish(sample.ForPlanner());
        _planner.Tick(context);
        if (_commands.TryRead(out PlannerOutput command, out _))
        {
            _vehicle.Send(command, context.WakeNs);
        }
    }
}

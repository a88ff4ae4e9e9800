using Octopilot.Planner.Outputs;

namespace Octopilot.Vehicle;

/// <summary>
/// The vehicle as the planner service, <c>sim</c> and HIL runs see it: the newest measured state, judged fresh or not
/// at the reader's own time, and a command sink. Implementations: <see cref="Simulation.SimulatedVehicleInterface"/>
/// and <c>Octopilot.Vehicle.Can.CanVehicleInterface</c> (SocketCAN or a recorded candump log, decoded with a DBC).
/// Thread rules: <see cref="TryReadState"/> and <see cref="Send"/> are called by one consumer thread (the planner tick);
/// neither blocks on the producer nor allocates. <see cref="Start"/>, <see cref="Stop"/> and <see cref="Dispose"/> come
/// from the owner, never concurrently with each other.
/// </summary>
public interface IVehicleInterface : IDisposable
{
    /// <summary>A short name for logs, e.g. <c>"can:can0"</c> or <c>"simulated"</c>.</summary>
    string Name { get; }

    /// <summary>Starts the producer (a CAN reader thread, for example). Calling it twice throws.</summary>
    void Start();

    /// <summary>Stops the producer and waits for it, bounded; idempotent. The last state stays readable (and ages).</summary>
    void Stop();

    /// <summary>
    /// The newest state judged at <paramref name="nowNs"/> (the same monotonic clock the producer stamps with). Returns
    /// true when it is valid; <paramref name="sample"/> is always filled: when invalid it says why
    /// (<see cref="VehicleStateSample.Validity"/>) and still carries the last known values, which must not be
    /// used to control the car (<see cref="VehicleStateSample.ForPlanner"/> makes that safe).
    /// </summary>
    bool TryReadState(long nowNs, out VehicleStateSample sample);

    /// <summary>
    /// Hands this tick's command to the vehicle. Implementations that send cyclic frames do so from here, so a tick that
    /// stops stops the frames (the car then drops its assistance on its own timeout, which is the safe side).
    /// </summary>
    void Send(in PlannerOutput command, long nowNs);

    /// <summary>A snapshot of the counters; any thread, no allocation.</summary>
    VehicleInterfaceCounters ReadCounters();
}

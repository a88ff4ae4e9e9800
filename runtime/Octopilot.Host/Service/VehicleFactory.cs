using Octopilot.Core.Time;
using Octopilot.Planner.Inputs;
using Octopilot.Vehicle;
using Octopilot.Vehicle.Can.Dbc;
using Octopilot.Vehicle.Can.Interface;
using Octopilot.Vehicle.Can.Sources;
using Octopilot.Vehicle.Simulation;

namespace Octopilot.Host.Service;

/// <summary>The service's vehicle from its configuration: the simulated point mass, or the car over CAN (a bus or a candump log).</summary>
internal static class VehicleFactory
{
    /// <summary>The vehicle and, for the simulated one, its integration step (called on every tick).</summary>
    public static (IVehicleInterface Vehicle, Action<long>? Advance) Create(VehicleSection section, string configDirectory, double initialSpeedMps)
    {
        long silenceNs = (long)Math.Round(section.SilenceTimeoutS * 1e9);
        if (section.Kind == "simulated")
        {
            var simulated = new SimulatedVehicleInterface(new SimulatedVehicleOptions
            {
                InitialSpeedMps = initialSpeedMps,
                SilenceBoundNs = silenceNs,
                Driver = new DriverInputs { Engaged = true, SetSpeedMps = initialSpeedMps, TimeGap = TimeGapSetting.Medium },
            });
            return (simulated, simulated.Advance);
        }

        DbcFile dbc = DbcParser.Load(Path.Combine(configDirectory, section.Can.Dbc!));
        CanVehicleOptions options = CanVehicleOptions.ToyotaTssP(dbc) with { SilenceBoundNs = silenceNs };
        if (section.Can.CandumpLog is string log)
        {
            var source = new CandumpLogSource(Path.Combine(configDirectory, log), new CandumpLogOptions { Pacing = CandumpPacing.Timestamps, Clock = MonotonicClock.Instance });
            return (new CanVehicleInterface(source, null, options), null);
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("vehicle:kind = 'can' with a bus needs SocketCAN (Linux); use vehicle:can:candumpLog elsewhere");
        }

        var bus = new SocketCanFrameSource(section.Can.Interface);
        return (new CanVehicleInterface(bus, bus, options), null);
    }
}

using Octopilot.Planner;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;

namespace Octopilot.Vehicle.Can.Tests.Vehicle;

/// <summary>
/// What every <see cref="IVehicleInterface"/> promises, run against each implementation (CAN over a test-driven bus,
/// simulated): validity and silence, counters, allocation-free reads and sends, and that an invalid state makes the
/// planner fall back.
/// </summary>
public abstract class VehicleInterfaceContractTests
{
    protected const long Ms = 1_000_000;

    protected abstract long SilenceBoundNs { get; }

    /// <summary>A started interface.</summary>
    protected abstract IVehicleInterface CreateStarted();

    /// <summary>Makes the producer deliver a full state stamped <paramref name="nowNs"/>, and waits until it is readable.</summary>
    protected abstract void Produce(IVehicleInterface vehicle, long nowNs);

    [Fact]
    public void TryReadState_NothingProducedYet_NeverReceived()
    {
        using IVehicleInterface vehicle = CreateStarted();

        Assert.False(vehicle.TryReadState(0, out VehicleStateSample sample));

        Assert.Equal(VehicleStateValidity.NeverReceived, sample.Validity);
        Assert.Equal(1, vehicle.ReadCounters().InvalidReads);
    }

    [Fact]
    public void TryReadState_AfterProduce_ValidUpToTheSilenceBoundThenSilent()
    {
        using IVehicleInterface vehicle = CreateStarted();
        Produce(vehicle, 1_000 * Ms);

        Assert.True(vehicle.TryReadState(1_000 * Ms, out VehicleStateSample fresh));
        Assert.True(vehicle.TryReadState((1_000 * Ms) + SilenceBoundNs, out _));
        Assert.False(vehicle.TryReadState((1_000 * Ms) + SilenceBoundNs + 1, out VehicleStateSample stale));

        Assert.Equal((0L, 1_000 * Ms), (fresh.AgeNs, fresh.UpdatedNs));
        Assert.Equal(VehicleStateValidity.Silent, stale.Validity);
        Assert.Equal(SilenceBoundNs + 1, stale.AgeNs);
        Assert.Equal(fresh.State.SpeedMps, stale.State.SpeedMps); // the last values stay readable, marked stale
        Assert.Equal(1, vehicle.ReadCounters().BecameInvalid);

        Produce(vehicle, 2_000 * Ms);
        Assert.True(vehicle.TryReadState(2_000 * Ms, out _)); // recovers when the producer comes back
    }

    [Fact]
    public void Start_Twice_Throws()
    {
        using IVehicleInterface vehicle = CreateStarted();

        Assert.Throws<InvalidOperationException>(vehicle.Start);
        vehicle.Stop();
        vehicle.Stop(); // idempotent
    }

    [Fact]
    public void TryReadStateAndSend_SteadyState_AllocateNothing()
    {
        using IVehicleInterface vehicle = CreateStarted();
        Produce(vehicle, 0);
        var command = new PlannerOutput { TargetAccelMps2 = 0.4, CurvaturePerM = 0.002, LateralAuthority = LateralAuthority.Active };
        vehicle.TryReadState(0, out _);
        vehicle.Send(command, 0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i <= 1_000; i++)
        {
            vehicle.TryReadState(i * 10 * Ms, out _);
            vehicle.Send(command, i * 10 * Ms);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ForPlanner_SilentState_PlannerFallsBackAndAsksForTakeover()
    {
        using IVehicleInterface vehicle = CreateStarted();
        Produce(vehicle, 0);
        var planner = new Planner.Planner(new PlannerOptions());
        var world = new WorldModelSnapshot { IsValid = true, LaneCount = 3, EgoLaneIndex = 1, LaneWidthM = 3.5, FrontCamerasHealthy = true, LeftCamerasHealthy = true, RightCamerasHealthy = true };

        vehicle.TryReadState(10 * Ms, out VehicleStateSample fresh);
        PlannerOutput normal = planner.Step(new PlannerInputs { NowNs = 10 * Ms, World = world with { TimestampNs = 10 * Ms }, Vehicle = Engaged(fresh.ForPlanner()) });
        long lateNs = SilenceBoundNs + (20 * Ms);
        Assert.False(vehicle.TryReadState(lateNs, out VehicleStateSample silent));
        PlannerOutput fallback = planner.Step(new PlannerInputs { NowNs = lateNs, World = world with { TimestampNs = lateNs }, Vehicle = Engaged(silent.ForPlanner()) });

        Assert.NotEqual(LongitudinalMode.Fallback, normal.Mode);
        Assert.True(double.IsNaN(silent.ForPlanner().SpeedMps));
        Assert.Equal(LongitudinalMode.Fallback, fallback.Mode);
        Assert.True(fallback.TakeoverRequested);
        Assert.Equal(InputFault.NonFiniteVehicleState, fallback.Fault);
    }

    private static VehicleState Engaged(VehicleState state) =>
        state with { Driver = state.Driver with { Engaged = true, SetSpeedMps = 25 } };
}

using Octopilot.Planner;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Lateral;

namespace Octopilot.Planner.Tests.Infrastructure;

/// <summary>Builds planner inputs on a straight 3-lane road (ego on the centre of the middle lane 1) with default options.</summary>
internal static class Road
{
    public const double LaneWidthM = 3.5;
    public const double CarLengthM = 4.5;
    public const double CarWidthM = 1.8;
    public const long TickNs = 10_000_000;

    public static readonly PlannerOptions Options = new();

    public static PlannerInputs Inputs(double speedMps, double setSpeedMps = 30, bool engaged = true, Side signal = Side.None,
        TimeGapSetting gap = TimeGapSetting.Medium, bool resume = false, long nowNs = 0, int laneCount = 3, int egoLane = 1,
        double accelMps2 = 0)
    {
        var inputs = new PlannerInputs
        {
            NowNs = nowNs,
            World = new WorldModelSnapshot
            {
                TimestampNs = nowNs,
                IsValid = true,
                LaneCount = laneCount,
                EgoLaneIndex = egoLane,
                LaneWidthM = LaneWidthM,
                EgoCentreLine = new LaneCentreLine(0, 0, 0, 0, 1),
                LeftCamerasHealthy = true,
                RightCamerasHealthy = true,
                FrontCamerasHealthy = true,
            },
            Vehicle = new VehicleState
            {
                SpeedMps = speedMps,
                AccelMps2 = accelMps2,
                Driver = new DriverInputs
                {
                    SetSpeedMps = setSpeedMps, Engaged = engaged, TurnSignal = signal, TimeGap = gap, ResumePressed = resume,
                },
            },
        };
        return inputs;
    }

    /// <summary>A car whose rear bumper is <paramref name="gapM"/> ahead of the ego front bumper, in lane <paramref name="lane"/>.</summary>
    public static TrackedObject CarAhead(int id, double gapM, double speedMps, int lane = 1, double accelMps2 = 0, int egoLane = 1,
        bool laneKnown = true) =>
        Car(id, Options.EgoFrontBumperXM + gapM + (CarLengthM / 2), speedMps, lane, accelMps2, egoLane, laneKnown);

    /// <summary>A car whose front bumper is <paramref name="gapM"/> behind the ego rear bumper.</summary>
    public static TrackedObject CarBehind(int id, double gapM, double speedMps, int lane, int egoLane = 1) =>
        Car(id, Options.EgoRearBumperXM - gapM - (CarLengthM / 2), speedMps, lane, 0, egoLane, true);

    public static TrackedObject Car(int id, double xM, double speedMps, int lane, double accelMps2 = 0, int egoLane = 1, bool laneKnown = true) =>
        new()
        {
            Id = id,
            XM = xM,
            YM = (egoLane - lane) * LaneWidthM,
            VxMps = speedMps,
            AxMps2 = accelMps2,
            LengthM = CarLengthM,
            WidthM = CarWidthM,
            LaneIndex = laneKnown ? lane : TrackedObject.UnknownLane,
        };

    public static PlannerInputs With(this PlannerInputs inputs, params TrackedObject[] cars)
    {
        foreach (TrackedObject car in cars)
        {
            Assert.True(inputs.World.Objects.TryAdd(car));
        }

        return inputs;
    }
}

using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Frames;

namespace Octopilot.Host.Dataset;

/// <summary>
/// Derives a training scene from a base scenario and a seed: the road (lane count, lane width, curve radius or
/// straight), the ego (lane, speed, start station), the traffic (density, per-lane gaps, kinds, sizes, colours, speeds,
/// some vehicles mid lane change), the render time and the lighting. The base scenario keeps its name, its paint
/// (dash, gap, marking and shoulder widths), its ego speed as the centre of the ego speed range and its vehicle colours
/// as part of the colour palette. Pure: the same (base, seed) gives the same variant. Vehicles are placed where they
/// should be at the render time (their script offsets are worked back from it), so none overlap the ego or each other
/// in the rendered frame.
/// </summary>
internal static class SceneVariantGenerator
{
    /// <summary>Relative frequency of 1..5 lanes (index 0 = one lane).</summary>
    private static readonly double[] LaneCountWeights = [0.05, 0.25, 0.35, 0.25, 0.10];

    /// <summary>Lane width range, metres: 3.0 m (tight urban motorway) to 3.9 m (wide rural highway).</summary>
    private const double MinLaneWidthM = 3.0, MaxLaneWidthM = 3.9;

    /// <summary>Share of straight roads; the rest are curves.</summary>
    private const double StraightShare = 0.3;

    /// <summary>Curve radius range, metres, drawn log-uniform: 250 m (interchange ramp) to 5 km (gentle highway bend).</summary>
    private const double MinCurveRadiusM = 250, MaxCurveRadiusM = 5000;

    /// <summary>Ego speed: the base scenario's ± this, m/s, clamped to the speed range below.</summary>
    private const double EgoSpeedSpreadMps = 6;

    /// <summary>Speeds every vehicle keeps to, m/s (18..162 km/h).</summary>
    private const double MinSpeedMps = 5, MaxSpeedMps = 45;

    /// <summary>Traffic speed relative to the ego, ± m/s.</summary>
    private const double RelativeSpeedSpreadMps = 5;

    /// <summary>Latest start station of the ego, metres: varies the dash phase and, on curves, the view of the bend.</summary>
    private const double MaxEgoStartStationM = 1000;

    /// <summary>Render time range, seconds since sim start (ms resolution).</summary>
    private const int MaxTimeMs = 20_000;

    /// <summary>Traffic density range, vehicles per lane per kilometre (drawn log-uniform): free flow to dense.</summary>
    private const double MinDensityPerKm = 4, MaxDensityPerKm = 70;

    /// <summary>Window of relative station (box centre minus ego rear axle) traffic is placed in at the render time, metres.</summary>
    private const double TrafficBehindM = -100, TrafficAheadM = 200;

    /// <summary>Smallest bumper-to-bumper gap between two vehicles of a lane (and around the ego), metres.</summary>
    private const double MinBumperGapM = 3;

    /// <summary>Most vehicles per scene (the scenario limit is <see cref="ScenarioFile.MaxVehicles"/>).</summary>
    private const int MaxVehicles = 48;

    /// <summary>Share of vehicles (on multi-lane roads) caught mid lane change at the render time.</summary>
    private const double LaneChangeShare = 0.12;

    /// <summary>Lane change duration range, seconds.</summary>
    private const double MinLaneChangeS = 2.5, MaxLaneChangeS = 5;

    /// <summary>Brightness gain range: dusk/overcast to bright sun.</summary>
    private const double MinBrightness = 0.55, MaxBrightness = 1.3;

    /// <summary>Largest red/blue shift of the colour temperature (warm evening to cold overcast), as a gain offset.</summary>
    private const double MaxTemperatureShift = 0.08;

    /// <summary>Largest green shift, as a gain offset.</summary>
    private const double MaxGreenShift = 0.03;

    /// <summary>Share of vehicles painted a uniformly random colour instead of a common car colour.</summary>
    private const double RandomColourShare = 0.25;

    /// <summary>± jitter on each channel of a palette colour.</summary>
    private const int ColourJitter = 12;

    /// <summary>Common car body colours (white, black, greys, silver, blue, red, beige, green).</summary>
    private static readonly Rgb24Color[] CommonColours =
    [
        new(232, 232, 228), new(24, 24, 26), new(70, 72, 76), new(128, 130, 134), new(180, 182, 186),
        new(36, 64, 150), new(170, 28, 32), new(196, 182, 150), new(40, 90, 60),
    ];

    /// <summary>Ego body extent along x from the rear axle, metres (the scenario rules' saloon).</summary>
    private const double EgoRearM = ScenarioFile.EgoBodyRearM, EgoFrontM = ScenarioFile.EgoBodyFrontM;

    public static SceneVariant Generate(string baseScenarioFile, HighwayScenario baseScenario, int variantSeed)
    {
        var random = new Random(variantSeed);
        RoadSpec road = DrawRoad(random, baseScenario.Road);
        int egoLane = random.Next(road.LaneCount);
        double egoSpeed = Math.Clamp(baseScenario.Ego.SpeedMps + Uniform(random, -EgoSpeedSpreadMps, EgoSpeedSpreadMps), MinSpeedMps, MaxSpeedMps);
        var ego = new EgoSpec(egoLane, Round(egoSpeed, 2), Round(random.NextDouble() * MaxEgoStartStationM, 1));
        double timeS = random.Next(MaxTimeMs + 1) / 1000.0;
        double density = LogUniform(random, MinDensityPerKm, MaxDensityPerKm);
        Rgb24Color[] palette = [.. CommonColours, .. baseScenario.Vehicles.Select(v => v.Color)];
        (VehicleSpec[] vehicles, string[] kinds) = DrawTraffic(random, road, ego, timeS, density, palette);
        SceneLighting lighting = DrawLighting(random);
        var scenario = new HighwayScenario(baseScenario.Name, (uint)random.Next() ^ baseScenario.Seed, road, ego, vehicles);
        return new SceneVariant(baseScenarioFile, scenario, timeS, Round(density, 2), kinds, lighting);
    }

    private static RoadSpec DrawRoad(Random random, RoadSpec paint)
    {
        int lanes = 1 + Pick(random, LaneCountWeights);
        double laneWidth = Round(Uniform(random, MinLaneWidthM, MaxLaneWidthM), 2);
        double curvature = 0;
        if (random.NextDouble() >= StraightShare)
        {
            double radius = Math.Round(LogUniform(random, MinCurveRadiusM, MaxCurveRadiusM));
            curvature = (random.Next(2) == 0 ? 1 : -1) / radius;
        }

        return paint with { LaneCount = lanes, LaneWidthM = laneWidth, CurvaturePerM = curvature };
    }

    /// <summary>
    /// Per lane, vehicles at exponential gaps (mean 1000 / density m) over the traffic window, skipping the ego; then a
    /// few caught mid lane change where the target lane has room. Positions are those at <paramref name="timeS"/>.
    /// </summary>
    private static (VehicleSpec[] Vehicles, string[] Kinds) DrawTraffic(
        Random random, RoadSpec road, EgoSpec ego, double timeS, double densityPerKm, Rgb24Color[] palette)
    {
        var placed = new List<(int Lane, double CentreM, double LengthM, VehicleClass Kind)>();
        double meanGapM = 1000 / densityPerKm;
        for (int lane = 0; lane < road.LaneCount; lane++)
        {
            double rearM = TrafficBehindM + (random.NextDouble() * meanGapM);
            while (placed.Count < MaxVehicles)
            {
                VehicleClass kind = VehicleClass.Mix[Pick(random, VehicleClass.Mix.Select(k => k.Weight).ToArray())];
                double length = Round(Uniform(random, kind.MinLengthM, kind.MaxLengthM), 2);
                double centre = rearM + (length / 2);
                if (centre > TrafficAheadM)
                {
                    break;
                }

                if (!(lane == ego.LaneIndex && OverlapsEgo(centre, length)))
                {
                    placed.Add((lane, centre, length, kind));
                }

                rearM += length + MinBumperGapM - (meanGapM * Math.Log(1 - random.NextDouble()));
            }
        }

        // Lanes a lane change moves into count as occupied for later lane changes too (two vehicles merging into one gap).
        var claims = new List<(int Lane, double CentreM, double LengthM, VehicleClass Kind)>(placed);
        var vehicles = new VehicleSpec[placed.Count];
        var kinds = new string[placed.Count];
        for (int i = 0; i < placed.Count; i++)
        {
            (int lane, double centre, double length, VehicleClass kind) = placed[i];
            double speed = Round(Math.Clamp(ego.SpeedMps + Uniform(random, -RelativeSpeedSpreadMps, RelativeSpeedSpreadMps), MinSpeedMps, MaxSpeedMps), 2);
            double offset = centre - ((speed - ego.SpeedMps) * timeS);
            LaneChangeSpec? change = null;
            if (road.LaneCount > 1 && random.NextDouble() < LaneChangeShare)
            {
                int target = lane == 0 ? 1 : lane == road.LaneCount - 1 ? lane - 1 : lane + (random.Next(2) == 0 ? -1 : 1);
                double duration = Round(Uniform(random, MinLaneChangeS, MaxLaneChangeS), 2);
                double startS = Round(timeS - (random.NextDouble() * duration), 3);
                if (startS >= 0 && TargetLaneFree(claims, i, target, centre, length, ego))
                {
                    change = new LaneChangeSpec(startS, target, duration);
                    claims.Add((target, centre, length, kind));
                }
            }

            vehicles[i] = new VehicleSpec(
                i + 1,
                lane,
                offset,
                speed,
                length,
                Round(Uniform(random, kind.MinWidthM, kind.MaxWidthM), 2),
                Round(Uniform(random, kind.MinHeightM, kind.MaxHeightM), 2),
                DrawColour(random, palette),
                change);
            kinds[i] = kind.Name;
        }

        return (vehicles, kinds);
    }

    private static bool OverlapsEgo(double centreM, double lengthM) =>
        centreM + (lengthM / 2) + MinBumperGapM > EgoRearM && centreM - (lengthM / 2) - MinBumperGapM < EgoFrontM;

    private static bool TargetLaneFree(
        List<(int Lane, double CentreM, double LengthM, VehicleClass Kind)> occupied, int self, int targetLane, double centreM, double lengthM, EgoSpec ego)
    {
        if (targetLane == ego.LaneIndex && OverlapsEgo(centreM, lengthM))
        {
            return false;
        }

        for (int j = 0; j < occupied.Count; j++)
        {
            (int lane, double c, double l, _) = occupied[j];
            if (j != self && lane == targetLane && Math.Abs(c - centreM) < ((l + lengthM) / 2) + MinBumperGapM)
            {
                return false;
            }
        }

        return true;
    }

    private static Rgb24Color DrawColour(Random random, Rgb24Color[] palette)
    {
        if (random.NextDouble() < RandomColourShare)
        {
            return new Rgb24Color((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        }

        Rgb24Color c = palette[random.Next(palette.Length)];
        return new Rgb24Color(Jitter(random, c.R), Jitter(random, c.G), Jitter(random, c.B));
    }

    private static byte Jitter(Random random, byte value) => (byte)Math.Clamp(value + random.Next(-ColourJitter, ColourJitter + 1), 0, 255);

    private static SceneLighting DrawLighting(Random random)
    {
        double brightness = Round(Uniform(random, MinBrightness, MaxBrightness), 3);
        double temperature = Uniform(random, -MaxTemperatureShift, MaxTemperatureShift);
        double green = Uniform(random, -MaxGreenShift, MaxGreenShift);
        return new SceneLighting(brightness, Round(1 + temperature, 3), Round(1 + green, 3), Round(1 - temperature, 3));
    }

    private static int Pick(Random random, double[] weights)
    {
        double x = random.NextDouble() * weights.Sum();
        for (int i = 0; i < weights.Length - 1; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static double Uniform(Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    private static double LogUniform(Random random, double min, double max) => Math.Exp(Uniform(random, Math.Log(min), Math.Log(max)));

    private static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
}

using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Time;
using Octopilot.Host.Dataset;
using Octopilot.Host.Tests.Infrastructure;

namespace Octopilot.Host.Tests.DatasetExport;

/// <summary>Generated scenes are plausible: inside the scenario rules, and no box overlaps another or the ego at the render time.</summary>
public sealed class SceneVariantGeneratorTests
{
    private const int Seeds = 300;

    [Fact]
    public void Generate_ManySeeds_NoVehicleOverlapsAnotherOrTheEgoAtTheRenderTime()
    {
        HighwayScenario baseScenario = ScenarioFile.Load(RepositoryFiles.Scenario);
        for (int seed = 0; seed < 4 * Seeds; seed++)
        {
            SceneVariant variant = SceneVariantGenerator.Generate("base.json", baseScenario, seed);
            var world = new HighwayWorld(variant.Scenario);
            long t = variant.SimTimeNs;
            EgoSpec ego = variant.Scenario.Ego;
            double egoStation = ego.StartStationM + (ego.SpeedMps * TimeUnits.NsToSeconds(t));
            var egoBox = (StationM: egoStation + ((ScenarioFile.EgoBodyRearM + ScenarioFile.EgoBodyFrontM) / 2), LateralM: variant.Scenario.Road.LaneCentreOffsetM(ego.LaneIndex),
                LengthM: ScenarioFile.EgoBodyFrontM - ScenarioFile.EgoBodyRearM, WidthM: 1.9);
            var boxes = new List<(double StationM, double LateralM, double LengthM, double WidthM)> { egoBox };
            for (int k = 0; k < world.VehicleCount; k++)
            {
                RoadPoint p = world.VehicleRoadPointAt(k, t);
                VehicleSpec v = world.Vehicle(k);
                boxes.Add((p.StationM, p.LateralM, v.LengthM, v.WidthM));
            }

            for (int a = 0; a < boxes.Count; a++)
            {
                for (int b = a + 1; b < boxes.Count; b++)
                {
                    bool overlap = Math.Abs(boxes[a].StationM - boxes[b].StationM) < (boxes[a].LengthM + boxes[b].LengthM) / 2
                        && Math.Abs(boxes[a].LateralM - boxes[b].LateralM) < (boxes[a].WidthM + boxes[b].WidthM) / 2;
                    Assert.False(overlap, $"seed {seed}: box {a} overlaps box {b} (0 = ego) at t = {variant.TimeS} s");
                }
            }
        }
    }

    [Fact]
    public void Generate_ManySeeds_StaysInsideTheScenarioRulesAndVariesEveryAxis()
    {
        HighwayScenario baseScenario = ScenarioFile.Load(RepositoryFiles.Scenario);
        SceneVariant[] variants = Enumerable.Range(0, Seeds).Select(s => SceneVariantGenerator.Generate("base.json", baseScenario, s)).ToArray();
        foreach (SceneVariant variant in variants)
        {
            RoadSpec road = variant.Scenario.Road;
            Assert.InRange(road.LaneCount, 1, ScenarioFile.MaxLanes);
            Assert.InRange(Math.Abs(road.CurvaturePerM), 0, ScenarioFile.MaxAbsCurvaturePerM);
            Assert.InRange(variant.Scenario.Ego.LaneIndex, 0, road.LaneCount - 1);
            Assert.InRange(variant.Scenario.Vehicles.Count, 0, ScenarioFile.MaxVehicles);
            Assert.Equal(variant.Scenario.Vehicles.Count, variant.Scenario.Vehicles.Select(v => v.Id).Distinct().Count());
            Assert.All(variant.Scenario.Vehicles, v =>
            {
                Assert.InRange(v.LaneIndex, 0, road.LaneCount - 1);
                Assert.InRange(v.SpeedMps, 0, ScenarioFile.MaxSpeedMps);
                Assert.InRange(Math.Abs(v.StationOffsetM), 0, ScenarioFile.MaxStationOffsetM);
                Assert.True(v.WidthM <= road.LaneWidthM, $"vehicle {v.Id} wider than its lane");
                Assert.True(v.LaneChange is null || (v.LaneChange.TargetLaneIndex != v.LaneIndex && v.LaneChange.StartS >= 0));
            });
        }

        Assert.Equal(5, variants.Select(v => v.Scenario.Road.LaneCount).Distinct().Count());
        Assert.Contains(variants, v => v.Scenario.Road.CurvaturePerM == 0);
        Assert.Contains(variants, v => v.Scenario.Road.CurvaturePerM > 0);
        Assert.Contains(variants, v => v.Scenario.Road.CurvaturePerM < 0);
        Assert.Contains(variants, v => v.Scenario.Vehicles.Any(x => x.LaneChange is not null));
        Assert.Contains(variants, v => v.VehicleKinds.Contains("truck"));
        Assert.True(variants.Select(v => v.Lighting.Brightness).Distinct().Count() > Seeds / 2);
    }

    [Fact]
    public void Generate_SameSeedTwice_GivesEqualScenes()
    {
        HighwayScenario baseScenario = ScenarioFile.Load(RepositoryFiles.Scenario);

        SceneVariant a = SceneVariantGenerator.Generate("base.json", baseScenario, 77);
        SceneVariant b = SceneVariantGenerator.Generate("base.json", baseScenario, 77);

        Assert.Equal(a.Scenario.Road, b.Scenario.Road);
        Assert.Equal(a.Scenario.Ego, b.Scenario.Ego);
        Assert.Equal(a.Scenario.Vehicles, b.Scenario.Vehicles);
        Assert.Equal((a.TimeS, a.Lighting), (b.TimeS, b.Lighting));
    }
}

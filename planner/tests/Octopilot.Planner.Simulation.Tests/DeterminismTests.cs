using System.Text.Json;
using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Scenarios;
using Octopilot.Planner.Simulation.Tests.Infrastructure;

namespace Octopilot.Planner.Simulation.Tests;

/// <summary>
/// A run is a function of scenario and options: the same curved scenario (lane noise included, it is seeded) gives
/// the same trace bit for bit; the noise seed and sigmas do change it.
/// </summary>
public sealed class DeterminismTests
{
    private static ScenarioTrace Simulate(Scenario scenario) => ScenarioRunner.Simulate(scenario, new PlannerOptions());

    private static Scenario WithNoise(Scenario scenario, LaneNoise? noise) => scenario with { World = scenario.World with { LaneNoise = noise } };

    [Theory]
    [InlineData("lane-keep-noise-r500-left-100kph.json")]
    [InlineData("lane-change-curve-right-r500-left-100kph.json")]
    [InlineData("lanes-lost-5s-r500-100kph.json")]
    public void Simulate_SameCurvedScenarioTwice_GivesIdenticalTraces(string file)
    {
        Scenario scenario = ScenarioFile.Load(Suite.PathOf(file));

        ScenarioTrace first = Simulate(scenario);
        ScenarioTrace second = Simulate(ScenarioFile.Load(Suite.PathOf(file)));

        Assert.Equal(first.Samples.Count, second.Samples.Count);
        Assert.Equal(first.Samples, second.Samples); // every field of every tick, doubles compared exactly
        Assert.Equal(Json(ScenarioEvaluator.Evaluate(scenario, first, new PlannerOptions())),
            Json(ScenarioEvaluator.Evaluate(scenario, second, new PlannerOptions())));
    }

    [Fact]
    public void Simulate_NoisyScenario_SameSeedSameTrace_OtherSeedOtherTrace()
    {
        Scenario scenario = ScenarioFile.Load(Suite.PathOf("lane-keep-noise-r500-left-100kph.json"));
        LaneNoise noise = scenario.World.LaneNoise!;

        double[] seeded = Simulate(scenario).Samples.Select(s => s.EgoYM).ToArray();
        double[] sameSeed = Simulate(WithNoise(scenario, noise with { })).Samples.Select(s => s.EgoYM).ToArray();
        double[] otherSeed = Simulate(WithNoise(scenario, noise with { Seed = noise.Seed + 1 })).Samples.Select(s => s.EgoYM).ToArray();

        Assert.Equal(seeded, sameSeed);
        Assert.NotEqual(seeded, otherSeed);
        // Not just a different last digit: the paths differ by more than round-off while both keep the lane.
        Assert.True(seeded.Zip(otherSeed, (a, b) => Math.Abs(a - b)).Max() > 1e-4);
    }

    [Fact]
    public void Simulate_LaneNoise_PerturbsTheCommandAndTheSigmaMatters()
    {
        Scenario scenario = ScenarioFile.Load(Suite.PathOf("lane-keep-noise-r500-left-100kph.json"));
        LaneNoise noise = scenario.World.LaneNoise!;

        double exact = CommandSpread(Simulate(WithNoise(scenario, null)));
        double noisy = CommandSpread(Simulate(scenario));
        double louder = CommandSpread(Simulate(WithNoise(scenario, noise with { C0M = noise.C0M * 4, C1 = noise.C1 * 4 })));

        Assert.True(noisy > 10 * exact, $"noise left the command as steady as without: {noisy:E2} vs {exact:E2} 1/m");
        Assert.True(louder > 2 * noisy, $"4× the sigmas gave {louder:E2} vs {noisy:E2} 1/m");
    }

    [Fact]
    public void Simulate_NoisyScenario_StillKeepsTheLane()
    {
        ScenarioResult result = ScenarioRunner.Run(ScenarioFile.Load(Suite.PathOf("lane-keep-noise-r500-left-100kph.json")), new PlannerOptions());
        ScenarioResult exact = ScenarioRunner.Run(WithNoise(ScenarioFile.Load(Suite.PathOf("lane-keep-noise-r500-left-100kph.json")), null), new PlannerOptions());

        Assert.True(result.Passed, string.Join("; ", result.Failures));
        Assert.True(result.Lateral.LaneKeepingRmsM > exact.Lateral.LaneKeepingRmsM, "noise must cost some accuracy");
    }

    /// <summary>RMS of the curvature command around the lane's own curvature (R 500) after the start-up transient (3 s on), 1/m.</summary>
    private static double CommandSpread(ScenarioTrace trace)
    {
        double laneCurvaturePerM = 1 / CurveScenarios.LaneRadiusM(500, 1);
        return Math.Sqrt(trace.Samples.Where(s => s.TimeS >= 3).Average(s => Math.Pow(s.CurvatureCommandPerM - laneCurvaturePerM, 2)));
    }

    /// <summary>A result as the CLI writes it (records holding lists and dictionaries compare those by reference).</summary>
    private static string Json(ScenarioResult result) => JsonSerializer.Serialize(result);
}

using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Time;
using Octopilot.Fusion.Lanes;
using Octopilot.Fusion.Tests.Infrastructure;
using Octopilot.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Octopilot.Fusion.Tests.Lanes;

/// <summary>
/// Issue 5 acceptance through real rendered cameras: the default rig renders the highway scenario, the oracle decodes it,
/// the BEV is fused and the lanes fitted; compared with the world's road geometry.
/// </summary>
public class LaneFitterOracleTests
{
    private const double LaneWidthToleranceM = 0.1;
    private const double BoundaryAt30ToleranceM = 0.15;
    private const double EgoOffsetToleranceM = 0.1;

    private readonly ITestOutputHelper _output;

    public LaneFitterOracleTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData(true, 0.0)]
    [InlineData(true, 1.5)]
    [InlineData(true, 4.5)]   // vehicle 4 halfway through its cut-in, hiding the right divider ahead
    [InlineData(true, 6.5)]   // cut-in done: vehicle 4 is the new lead, 8 m ahead
    [InlineData(false, 0.0)]
    [InlineData(false, 3.0)]
    [InlineData(false, 4.5)]
    public void Fit_OracleHighway_MeetsTheAcceptanceBars(bool curved, double simTimeS)
    {
        HighwayScenario scenario = ScenarioFile.Load(RepositoryPaths.DefaultScenario);
        if (!curved)
        {
            scenario = scenario with { Road = scenario.Road with { CurvaturePerM = 0 } };
        }

        var scene = new OracleScene(new HighwayWorld(scenario));
        long simTimeNs = TimeUnits.SecondsToNs(simTimeS);
        scene.Capture(simTimeNs);
        var fitter = new LaneFitter(scene.Layers.Grid, new LaneFitOptions());
        LaneEstimate estimate = fitter.CreateEstimate();
        fitter.Fit(scene.Layers, estimate);

        RoadSpec road = scenario.Road;
        double egoLateral = scene.World.EgoRoadPointAt(scene.World.EgoPoseAt(simTimeNs), simTimeNs).LateralM;
        double egoOffsetTruth = egoLateral - road.LaneCentreOffsetM(scenario.Ego.LaneIndex);
        _output.WriteLine($"{(curved ? "curved" : "straight")} t = {simTimeS} s: lanes {estimate.LaneCount}, ego lane {estimate.EgoLaneIndex}, " +
            $"width {estimate.EgoLaneWidthM:F3} m, offset {estimate.EgoLateralOffsetM:F3} m (truth {egoOffsetTruth:F3}), confidence {estimate.Confidence:F2}");

        for (int k = 0; k < estimate.BoundaryCount; k++)
        {
            double truth = scene.RoadLineYAtM(LinePaintCentreM(road, Math.Min(k, road.LaneCount)), 30, simTimeNs);
            LaneBoundary b = estimate.Boundary(k);
            _output.WriteLine($"  boundary {k}: y(30) {b.YAtM(30):F3} truth {truth:F3} error {b.YAtM(30) - truth:+0.000;-0.000}, " +
                $"y(0) {b.C0:F3}, support {b.SupportSlices} over [{b.SupportXMinM:F1}, {b.SupportXMaxM:F1}] m, rms {b.RmsResidualM:F3} m, dashed {b.IsDashed} ({b.MarkingSource}, mean solid {b.MeanSolidProbability:F2})");
        }

        Assert.Equal(road.LaneCount, estimate.LaneCount);
        Assert.Equal(scenario.Ego.LaneIndex, estimate.EgoLaneIndex);
        LaneAssert.Near(road.LaneWidthM, estimate.EgoLaneWidthM, LaneWidthToleranceM, "ego lane width");
        LaneAssert.Near(egoOffsetTruth, estimate.EgoLateralOffsetM, EgoOffsetToleranceM, "ego offset from lane centre");
        for (int k = 0; k <= road.LaneCount; k++)
        {
            double truth = scene.RoadLineYAtM(LinePaintCentreM(road, k), 30, simTimeNs);
            LaneAssert.Near(truth, estimate.Boundary(k).YAtM(30), BoundaryAt30ToleranceM, $"boundary {k} at x = 30 m");

            // The oracle's solid_lines map holds the edge lines' paint only: edges solid, dividers dashed, from the head.
            bool edge = k == 0 || k == road.LaneCount;
            Assert.Equal(LaneMarkingSource.SolidLinesHead, estimate.Boundary(k).MarkingSource);
            Assert.True(edge == estimate.Boundary(k).IsSolid, $"boundary {k}: solid {estimate.Boundary(k).IsSolid}, mean solid {estimate.Boundary(k).MeanSolidProbability:F2}");
        }
    }

    /// <summary>
    /// Road lateral of line k's paint centre (k = 0: left edge). Dividers are centred on RoadWidth/2 − k·LaneWidth; the
    /// edge lines are painted inside the road edge (renderer: [RoadWidth/2 − MarkingWidth, RoadWidth/2]).
    /// </summary>
    private static double LinePaintCentreM(RoadSpec road, int k)
    {
        double lateral = (road.RoadWidthM / 2) - (k * road.LaneWidthM);
        return k == 0 ? lateral - (road.MarkingWidthM / 2) : k == road.LaneCount ? lateral + (road.MarkingWidthM / 2) : lateral;
    }
}

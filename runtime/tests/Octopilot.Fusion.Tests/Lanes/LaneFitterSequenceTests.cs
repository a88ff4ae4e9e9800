using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;
using Octopilot.Fusion.Lanes;
using Octopilot.Fusion.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Octopilot.Fusion.Tests.Lanes;

/// <summary>
/// One fitter over consecutive sets, as the world model calls it: the planner's scenario road (straight, 3 lanes of
/// 3.5 m, dashes 3 m / 9 m) rendered by the default rig at 15 fps with the ego at 25 m/s, so the dash phase walks under
/// the car (a 12 m dash period every 0.48 s) and the dividers show near the car in some sets only.
/// </summary>
public class LaneFitterSequenceTests
{
    private const int Frames = 72; // two full cycles of the dash phase against the 15 fps frame grid (4.8 s)
    private const double FrameS = 1.0 / 15;
    private const double LaneWidthToleranceM = 0.1;
    private const double EgoOffsetToleranceM = 0.1;

    private readonly ITestOutputHelper _output;

    public LaneFitterSequenceTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Fit_PlannerRoadAt15Fps_FindsTheEgoLaneInEverySet()
    {
        var road = new RoadSpec(LaneCount: 3, LaneWidthM: 3.5, CurvaturePerM: 0, DashLengthM: 3.0, GapLengthM: 9.0, MarkingWidthM: 0.15, ShoulderWidthM: 2.5);
        var lead = new VehicleSpec(1, LaneIndex: 1, StationOffsetM: 40, SpeedMps: 25, 4.6, 1.85, 1.5, new Rgb24Color(200, 40, 40), LaneChange: null);
        var scenario = new HighwayScenario("planner-like", 20261125, road, new EgoSpec(LaneIndex: 1, SpeedMps: 25, StartStationM: 0), [lead]);
        var scene = new OracleScene(new HighwayWorld(scenario));
        var fitter = new LaneFitter(scene.Layers.Grid, new LaneFitOptions());
        LaneEstimate estimate = fitter.CreateEstimate();

        int egoFound = 0, threeLanes = 0, inferred = 0;
        double worstWidthErrorM = 0, worstOffsetErrorM = 0;
        for (int f = 0; f < Frames; f++)
        {
            long simTimeNs = TimeUnits.SecondsToNs(f * FrameS);
            scene.Capture(simTimeNs);
            fitter.Fit(scene.Layers, estimate);

            threeLanes += estimate.LaneCount == 3 ? 1 : 0;
            inferred += estimate.InferredBoundaryCount > 0 ? 1 : 0;
            if (estimate.EgoLaneIndex != 1)
            {
                _output.WriteLine($"set {f}: lanes {estimate.LaneCount}, ego lane {estimate.EgoLaneIndex}");
                continue;
            }

            egoFound++;
            double egoLateral = scene.World.EgoRoadPointAt(scene.World.EgoPoseAt(simTimeNs), simTimeNs).LateralM;
            double offsetTruthM = egoLateral - road.LaneCentreOffsetM(1);
            double widthErrorM = estimate.EgoLaneWidthM - road.LaneWidthM;
            double offsetErrorM = estimate.EgoLateralOffsetM - offsetTruthM;
            worstWidthErrorM = Math.Max(worstWidthErrorM, Math.Abs(widthErrorM));
            worstOffsetErrorM = Math.Max(worstOffsetErrorM, Math.Abs(offsetErrorM));
            Assert.True(Math.Abs(widthErrorM) <= LaneWidthToleranceM, $"set {f}: ego lane width {estimate.EgoLaneWidthM:F3} m, road {road.LaneWidthM} ± {LaneWidthToleranceM}");
            Assert.True(Math.Abs(offsetErrorM) <= EgoOffsetToleranceM, $"set {f}: ego offset {estimate.EgoLateralOffsetM:F3} m, truth {offsetTruthM:F3} ± {EgoOffsetToleranceM}");
        }

        _output.WriteLine($"{Frames} sets: ego lane in {egoFound}, 3 lanes in {threeLanes}, a boundary inferred in {inferred}; " +
            $"worst width error {worstWidthErrorM:F3} m, worst offset error {worstOffsetErrorM:F3} m");
        Assert.True(egoFound >= 0.98 * Frames, $"ego lane found in {egoFound} of {Frames} sets (bar: 98 %)");
        Assert.True(threeLanes >= 0.95 * Frames, $"3 lanes in {threeLanes} of {Frames} sets (bar: 95 %)");
    }
}

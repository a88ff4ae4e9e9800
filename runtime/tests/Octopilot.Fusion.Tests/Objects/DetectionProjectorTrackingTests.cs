using System.Globalization;
using Octopilot.Cameras.Synthetic;
using Octopilot.Fusion.Objects;
using Octopilot.Fusion.Tests.Infrastructure;
using Octopilot.Fusion.Tracking;
using Xunit.Abstractions;

namespace Octopilot.Fusion.Tests.Objects;

/// <summary>
/// Projector + tracker over 2 s of oracle frames at 15 sets/s, cameras staggered by the synthetic rig's 1.3 ms phase
/// step. Straight-road variant of the default scenario, so the true relative speed is exactly vehicle − ego speed (on
/// the 2500 m curve the ego-axis projection of the other cars' velocity would need the road heading at each car).
/// </summary>
public class DetectionProjectorTrackingTests(ITestOutputHelper output)
{
    private const long SetIntervalNs = 1_000_000_000 / 15;
    private const int Sets = 31; // 0..2 s
    private const int SettledAfterSets = 15; // 1 s
    private const double MaxRangeM = 80;
    private const double RelativeSpeedToleranceMps = 0.5;
    private const double MatchDistanceM = 3.0;

    [Fact]
    public void ProjectAndTrack_StraightHighway_RelativeSpeedWithinHalfMetrePerSecondAfterOneSecond()
    {
        HighwayWorld world = OracleWorlds.StraightDefault();
        var scene = new OracleScene(world);
        var projector = new DetectionProjector(OracleScene.Rig, OracleScene.ClassNames, new DetectionProjectorOptions());
        var tracker = new ObjectTracker(new ObjectTrackerOptions());
        double egoSpeedMps = world.Scenario.Ego.SpeedMps;
        var ego = new EgoMotion(egoSpeedMps, 0);
        var list = new ObjectMeasurementList();
        var worst = new Dictionary<int, double>();
        var failures = new List<string>();
        int checkedTracks = 0;

        for (int k = 0; k < Sets; k++)
        {
            long t = k * SetIntervalNs;
            scene.Capture(t, 0, SyntheticCameraRig.DefaultPhaseStepNs);
            projector.Project(scene.Set, t, ego, ref list);
            Assert.True(tracker.Update(list, ego));
            if (k < SettledAfterSets)
            {
                continue;
            }

            foreach (ObjectTrack track in tracker.Tracks)
            {
                if (track.State != TrackState.Confirmed || Math.Sqrt((track.XM * track.XM) + (track.YM * track.YM)) > MaxRangeM)
                {
                    continue;
                }

                (int vehicle, double distanceM) = Nearest(scene, t, track.XM, track.YM);
                if (distanceM > MatchDistanceM)
                {
                    failures.Add(Invariant($"t {t / 1e9:F2} s: confirmed track {track.Id} at ({track.XM:F1}, {track.YM:F1}) is {distanceM:F1} m from every vehicle"));
                    continue;
                }

                double trueRelativeMps = world.Vehicle(vehicle).SpeedMps - egoSpeedMps;
                double error = track.RelativeVxMps - trueRelativeMps;
                int id = world.Vehicle(vehicle).Id;
                worst[id] = Math.Max(worst.GetValueOrDefault(id), Math.Abs(error));
                checkedTracks++;
                if (Math.Abs(error) > RelativeSpeedToleranceMps)
                {
                    failures.Add(Invariant($"t {t / 1e9:F2} s: vehicle {id} track {track.Id} relative vx {track.RelativeVxMps:F2} m/s, truth {trueRelativeMps:F2} (error {error:F2})"));
                }
            }
        }

        foreach ((int id, double error) in worst.OrderBy(p => p.Key))
        {
            output.WriteLine(Invariant($"vehicle {id}: max |relative vx error| after 1 s = {error:F3} m/s"));
        }

        output.WriteLine($"merged {tracker.MergedMeasurements}, projected {projector.Total.Projected}");
        Assert.True(worst.Count >= 5, $"only {worst.Count} vehicles had a confirmed track within {MaxRangeM} m");
        Assert.True(checkedTracks > 0);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static (int Index, double DistanceM) Nearest(OracleScene scene, long t, double xM, double yM)
    {
        int best = -1;
        double bestM = double.PositiveInfinity;
        for (int i = 0; i < scene.World.VehicleCount; i++)
        {
            (double x, double y) = scene.VehicleInEgo(i, t);
            double d = Math.Sqrt(((x - xM) * (x - xM)) + ((y - yM) * (y - yM)));
            if (d < bestM)
            {
                (best, bestM) = (i, d);
            }
        }

        return (best, bestM);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

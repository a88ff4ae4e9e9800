using System.Globalization;
using Octopilot.Cameras.Synthetic;
using Octopilot.Fusion.Objects;
using Octopilot.Fusion.Tests.Infrastructure;
using Octopilot.Fusion.Tracking;
using Octopilot.Inference.Perception;
using Xunit.Abstractions;

namespace Octopilot.Fusion.Tests.Objects;

/// <summary>
/// A car alongside the ego in the next lane (<see cref="OracleWorlds.Alongside"/>): its boxes are cut by the side borders
/// of most cameras (pillar, repeater, wide forward, rear), and close up their bottom is below the image. Once those made a
/// ghost in the ego lane (a sliver's bearing with a depth near 0 put the point at the camera) and a 12 m "truck".
/// </summary>
public class DetectionProjectorAlongsideTests(ITestOutputHelper output)
{
    private const long SetIntervalNs = 1_000_000_000 / 15;
    private const int Sets = 10;

    // Planner's view of the ego lane: nothing confirmed nearer the ego's centreline than this, m.
    private const double EgoLaneClearM = 1.2;
    private const double LateralToleranceM = 0.6;
    private const double LongitudinalToleranceM = 2.0;
    private const double DuplicateRadiusM = 4.0;

    // Every accepted detection: within these of the truth, and no longer than a car may be fitted (+25 %).
    private const double DetectionLateralToleranceM = 0.5;
    private const double DetectionLongitudinalToleranceM = 1.0;
    private const double MaxCarLengthM = 4.6 * 1.25;

    public static TheoryData<int, double> TrackCases()
    {
        var data = new TheoryData<int, double>();
        foreach (int lane in new[] { 0, 2 })
        {
            foreach (double x in new[] { -8.0, -4.0, 0.0, 1.35, 4.0, 8.0 })
            {
                data.Add(lane, x);
            }
        }

        return data;
    }

    public static TheoryData<int, double> DetectionCases()
    {
        var data = new TheoryData<int, double>();
        foreach (int lane in new[] { 0, 2 })
        {
            // The brief's six positions plus where the slivers and the bottom-cut "truck" were (−1.5..−0.75, 1.5..3.25).
            foreach (double x in new[] { -8.0, -4.0, -1.5, -1.0, 0.0, 1.35, 1.75, 2.0, 2.5, 3.0, 4.0, 8.0 })
            {
                data.Add(lane, x);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TrackCases))]
    public void ProjectAndTrack_CarAlongside_OneConfirmedTrackAtTruthAndNoneInEgoLane(int lane, double xM)
    {
        HighwayWorld world = OracleWorlds.Alongside(lane, xM);
        var scene = new OracleScene(world);
        var projector = new DetectionProjector(OracleScene.Rig, OracleScene.ClassNames, new DetectionProjectorOptions());
        var tracker = new ObjectTracker(new ObjectTrackerOptions());
        var ego = new EgoMotion(world.Scenario.Ego.SpeedMps, 0);
        var list = new ObjectMeasurementList();
        long t = 0;
        for (int k = 0; k < Sets; k++)
        {
            t = k * SetIntervalNs;
            scene.Capture(t, 0, SyntheticCameraRig.DefaultPhaseStepNs);
            projector.Project(scene.Set, t, ego, ref list);
            Assert.True(tracker.Update(list, ego));
        }

        (double trueX, double trueY) = scene.VehicleInEgo(0, t);
        var confirmed = new List<ObjectTrack>();
        foreach (ObjectTrack track in tracker.Tracks)
        {
            if (track.State == TrackState.Confirmed)
            {
                confirmed.Add(track);
                output.WriteLine(Invariant($"track {track.Id} ({track.XM:F2}, {track.YM:F2}) L {track.LengthM:F1} W {track.WidthM:F2} rel v ({track.RelativeVxMps:F2}, {track.RelativeVyMps:F2})"));
            }
        }

        output.WriteLine(Invariant($"truth ({trueX:F2}, {trueY:F2}); merged {tracker.MergedMeasurements}, projected {projector.Total.Projected}, rejected truncated {projector.Total.RejectedTruncated}"));
        Assert.All(confirmed, track => Assert.True(Math.Abs(track.YM) >= EgoLaneClearM, Invariant($"confirmed track {track.Id} at ({track.XM:F2}, {track.YM:F2}) is in the ego lane")));
        Assert.Contains(confirmed, track => Math.Abs(track.YM - trueY) <= LateralToleranceM && Math.Abs(track.XM - trueX) <= LongitudinalToleranceM);
        int near = confirmed.Count(track => Math.Sqrt(((track.XM - trueX) * (track.XM - trueX)) + ((track.YM - trueY) * (track.YM - trueY))) <= DuplicateRadiusM);
        Assert.True(near == 1, $"{near} confirmed tracks within {DuplicateRadiusM} m of the car: duplicates not merged");
    }

    [Theory]
    [MemberData(nameof(DetectionCases))]
    public void Project_CarAlongside_EveryAcceptedDetectionNearTruthAndCarSized(int lane, double xM)
    {
        var scene = new OracleScene(OracleWorlds.Alongside(lane, xM));
        var projector = new DetectionProjector(OracleScene.Rig, OracleScene.ClassNames, new DetectionProjectorOptions());
        scene.Capture(0);
        (double trueX, double trueY) = scene.VehicleInEgo(0, 0);
        var failures = new List<string>();
        int accepted = 0;
        for (int c = 0; c < scene.Set.Cameras.Count; c++)
        {
            ReadOnlySpan<Detection> detections = scene.Set.Cameras[c].Detections;
            for (int i = 0; i < detections.Length; i++)
            {
                Detection d = detections[i];
                string box = Invariant($"{OracleScene.Rig[c].Name} u {d.CenterUPx - (d.WidthPx / 2):F0}..{d.CenterUPx + (d.WidthPx / 2):F0} v {d.CenterVPx - (d.HeightPx / 2):F0}..{d.CenterVPx + (d.HeightPx / 2):F0} depth {d.DepthM:F2}");
                if (!projector.TryProjectDetection(c, detections, i, 0, EgoMotion.Stationary, out ObjectMeasurement m))
                {
                    output.WriteLine(box + ": rejected");
                    continue;
                }

                accepted++;
                string line = Invariant($"{box}: ({m.XM:F2}, {m.YM:F2}) L {m.LengthM:F1}, truth ({trueX:F2}, {trueY:F2})");
                output.WriteLine(line);
                if (Math.Abs(m.XM - trueX) > DetectionLongitudinalToleranceM || Math.Abs(m.YM - trueY) > DetectionLateralToleranceM || m.LengthM > MaxCarLengthM)
                {
                    failures.Add(line);
                }
            }
        }

        Assert.True(accepted > 0, "no camera placed the car");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Project_SliverOfCarOnRepeaterBorder_RejectedAndCountedAsTruncated()
    {
        // Car 4 m ahead in the left lane: left_repeater (camera 5) sees only its rear corner on the right border.
        const int leftRepeater = 5;
        var scene = new OracleScene(OracleWorlds.Alongside(0, 4.0));
        var projector = new DetectionProjector(OracleScene.Rig, OracleScene.ClassNames, new DetectionProjectorOptions());
        scene.Capture(0);
        ReadOnlySpan<Detection> detections = scene.Set.Cameras[leftRepeater].Detections;
        Assert.Equal(1, detections.Length);
        Assert.True(detections[0].CenterUPx + (detections[0].WidthPx / 2) >= OracleScene.Rig[leftRepeater].Intrinsics.WidthPx - 1, "the box must be on the right border");

        Assert.False(projector.TryProjectDetection(leftRepeater, detections, 0, 0, EgoMotion.Stationary, out _));
        Assert.Equal(1, projector.Counters(leftRepeater).RejectedTruncated);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using Octopilot.Cameras.Synthetic;
using Octopilot.Fusion.Objects;
using Octopilot.Fusion.Tests.Infrastructure;
using Octopilot.Fusion.Tracking;
using Octopilot.Inference.Perception;
using Xunit.Abstractions;

namespace Octopilot.Fusion.Tests.Objects;

/// <summary>
/// Issue 5's acceptance bar through the oracle: the default rig renders a highway world, the oracle decoder makes the
/// detections (box = visible pixels, depth = camera z of the footprint centre), the projector lifts them, and each
/// measurement is compared with the ground-truth footprint centre of the nearest vehicle. Every camera is rendered at
/// the same sim time here (phase step 0), so the reference time is each camera's start of frame and the truth is exact.
/// </summary>
public class DetectionProjectorOracleTests(ITestOutputHelper output)
{
    private const double LongitudinalFractionOfRange = 0.05;
    private const double LateralToleranceM = 0.3;

    private static readonly double[] BandEdgesM = [0, 15, 30, 50, 70, 90, 130];

    public static TheoryData<double> LeadGapsM => new() { 10.0, 20.0, 40.0, 60.0, 80.0 };

    [Theory]
    [MemberData(nameof(LeadGapsM))]
    public void Project_LeadsInThreeLanes_WithinFivePercentAndThirtyCentimetres(double gapM) =>
        CheckWorld(OracleWorlds.LeadsAt(gapM), [0, 700_000_000, 1_400_000_000]);

    [Fact]
    public void Project_DefaultScenario_WithinFivePercentAndThirtyCentimetres() =>
        CheckWorld(OracleWorlds.DefaultWorld(), [0, 1_000_000_000, 2_000_000_000, 4_500_000_000]);

    private void CheckWorld(HighwayWorld world, long[] simTimesNs)
    {
        var scene = new OracleScene(world);
        var projector = new DetectionProjector(OracleScene.Rig, OracleScene.ClassNames, new DetectionProjectorOptions());
        var stats = new BandStats(BandEdgesM);
        var failures = new List<string>();
        int excluded = 0;
        int rejectedOnBorder = 0;
        foreach (long t in simTimesNs)
        {
            scene.Capture(t);
            for (int c = 0; c < scene.Set.Cameras.Count; c++)
            {
                CameraPerception camera = scene.Set.Cameras[c];
                ReadOnlySpan<Detection> detections = camera.Detections;
                for (int i = 0; i < detections.Length; i++)
                {
                    Detection d = detections[i];
                    if (!projector.TryProjectDetection(c, detections, i, 0, EgoMotion.Stationary, out ObjectMeasurement m))
                    {
                        // A box on a side border may be rejected as truncated (a sliver, or a part the footprint does
                        // not fit): the bar excludes those boxes anyway. Any other rejection fails.
                        if (TouchesBorder(d))
                        {
                            rejectedOnBorder++;
                            output.WriteLine("rejected on the border: " + Describe(t, c, d, "rejected"));
                            continue;
                        }

                        failures.Add(Describe(t, c, d, "rejected"));
                        continue;
                    }

                    (int vehicle, double trueX, double trueY) = NearestVehicle(scene, t, m.XM, m.YM);
                    double rangeM = Math.Sqrt((trueX * trueX) + (trueY * trueY));
                    double dx = m.XM - trueX, dy = m.YM - trueY;
                    // A box cut by the image border is not the whole object: its centre and extent say where the
                    // visible part is. Excluded from the bar (issue 5 allows it) and reported apart.
                    if (TouchesBorder(d))
                    {
                        excluded++;
                        stats.AddExcluded(rangeM, dx / rangeM, dy);
                        if (Math.Abs(dx) > LongitudinalFractionOfRange * rangeM || Math.Abs(dy) > LateralToleranceM)
                        {
                            output.WriteLine("excluded: " + Describe(t, c, d, FormattableString.Invariant(
                                $"vehicle {world.Vehicle(vehicle).Id} at ({trueX:F2}, {trueY:F2}) measured ({m.XM:F2}, {m.YM:F2}): dx {dx:F2} m, dy {dy:F2} m")));
                        }

                        continue;
                    }

                    stats.Add(rangeM, dx / rangeM, dy);
                    if (Math.Abs(dx) > LongitudinalFractionOfRange * rangeM || Math.Abs(dy) > LateralToleranceM)
                    {
                        failures.Add(Describe(t, c, d, FormattableString.Invariant(
                            $"vehicle {world.Vehicle(vehicle).Id} at ({trueX:F2}, {trueY:F2}) measured ({m.XM:F2}, {m.YM:F2}): dx {dx:F2} m ({100 * dx / rangeM:F1} %), dy {dy:F2} m")));
                    }
                }
            }
        }

        output.WriteLine(stats.Report());
        output.WriteLine($"excluded (box on the image border): {excluded}, rejected on the border: {rejectedOnBorder} (truncated {Sum(projector, p => p.RejectedTruncated)}); counters: fallback {Sum(projector, p => p.DepthFallbacks)}, inconsistent {Sum(projector, p => p.InconsistentDepths)}, fits skipped {Sum(projector, p => p.FitsSkipped)}");
        Assert.True(stats.Count > 0, "no measurement was checked");
        Assert.Equal(rejectedOnBorder, Sum(projector, p => p.RejectedTruncated));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static long Sum(DetectionProjector projector, Func<ProjectionCounters, long> counter) =>
        Enumerable.Range(0, projector.CameraCount).Sum(c => counter(projector.Counters(c)));

    private static bool TouchesBorder(in Detection d)
    {
        CameraIntrinsicsSize size = new(DefaultRigTable.CaptureWidthPx, DefaultRigTable.CaptureHeightPx);
        double left = d.CenterUPx - (d.WidthPx / 2), right = d.CenterUPx + (d.WidthPx / 2);
        double top = d.CenterVPx - (d.HeightPx / 2), bottom = d.CenterVPx + (d.HeightPx / 2);
        return left <= 0 || top <= 0 || right >= size.WidthPx - 1 || bottom >= size.HeightPx - 1;
    }

    private static (int Index, double XM, double YM) NearestVehicle(OracleScene scene, long t, double xM, double yM)
    {
        int best = -1;
        double bestD2 = double.PositiveInfinity, bestX = 0, bestY = 0;
        for (int i = 0; i < scene.World.VehicleCount; i++)
        {
            (double x, double y) = scene.VehicleInEgo(i, t);
            double d2 = ((x - xM) * (x - xM)) + ((y - yM) * (y - yM));
            if (d2 < bestD2)
            {
                (best, bestD2, bestX, bestY) = (i, d2, x, y);
            }
        }

        return (best, bestX, bestY);
    }

    private static string Describe(long t, int camera, in Detection d, string what) => FormattableString.Invariant(
        $"t {t / 1e9:F2} s {OracleScene.Rig[camera].Name} box u {d.CenterUPx:F1} v {d.CenterVPx:F1} w {d.WidthPx:F0} h {d.HeightPx:F0} depth {d.DepthM:F2}: {what}");

    private readonly record struct CameraIntrinsicsSize(int WidthPx, int HeightPx);

    /// <summary>Worst errors per range band, for the report.</summary>
    private sealed class BandStats(double[] edgesM)
    {
        private readonly double[] _maxLongitudinal = new double[edgesM.Length];
        private readonly double[] _maxLateral = new double[edgesM.Length];
        private readonly int[] _counts = new int[edgesM.Length];
        private readonly int[] _excluded = new int[edgesM.Length];
        private readonly double[] _maxExcludedLongitudinal = new double[edgesM.Length];
        private readonly double[] _maxExcludedLateral = new double[edgesM.Length];

        public int Count => _counts.Sum();

        public void Add(double rangeM, double longitudinalFraction, double lateralM)
        {
            int b = Band(rangeM);
            _counts[b]++;
            _maxLongitudinal[b] = Math.Max(_maxLongitudinal[b], Math.Abs(longitudinalFraction));
            _maxLateral[b] = Math.Max(_maxLateral[b], Math.Abs(lateralM));
        }

        public void AddExcluded(double rangeM, double longitudinalFraction, double lateralM)
        {
            int b = Band(rangeM);
            _excluded[b]++;
            _maxExcludedLongitudinal[b] = Math.Max(_maxExcludedLongitudinal[b], Math.Abs(longitudinalFraction));
            _maxExcludedLateral[b] = Math.Max(_maxExcludedLateral[b], Math.Abs(lateralM));
        }

        public string Report()
        {
            var lines = new List<string> { "band m | n | max |dx|/range % | max |dy| m || excluded n | % | m" };
            for (int b = 0; b < edgesM.Length - 1; b++)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{edgesM[b]}-{edgesM[b + 1]} | {_counts[b]} | {100 * _maxLongitudinal[b]:F2} | {_maxLateral[b]:F3} || {_excluded[b]} | {100 * _maxExcludedLongitudinal[b]:F2} | {_maxExcludedLateral[b]:F3}"));
            }

            return string.Join(Environment.NewLine, lines);
        }

        private int Band(double rangeM)
        {
            for (int b = 0; b < edgesM.Length - 1; b++)
            {
                if (rangeM < edgesM[b + 1])
                {
                    return b;
                }
            }

            return edgesM.Length - 2;
        }
    }
}

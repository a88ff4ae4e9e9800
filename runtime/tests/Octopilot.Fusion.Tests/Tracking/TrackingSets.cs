using Octopilot.Fusion.Tracking;

namespace Octopilot.Fusion.Tests.Tracking;

/// <summary>Builds measurement sets for tracker tests: 15 Hz stamps, seeded Gaussian noise.</summary>
internal static class TrackingSets
{
    public const double RateHz = 15.0;

    public static long StampNs(int set) => (long)Math.Round(set * 1e9 / RateHz);

    public static double DtS => 1.0 / RateHz;

    public static ObjectMeasurementList Create(int set, params (double XM, double YM)[] points)
    {
        var list = new ObjectMeasurementList { TimestampNs = StampNs(set) };
        foreach ((double x, double y) in points)
        {
            Assert.True(list.TryAdd(new ObjectMeasurement(x, y)));
        }

        return list;
    }

    /// <summary>Standard normal sample by Box–Muller (deterministic for a seeded Random).</summary>
    public static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static ObjectTrack Single(ObjectTracker tracker)
    {
        Assert.Equal(1, tracker.Tracks.Length);
        return tracker.Tracks[0];
    }
}

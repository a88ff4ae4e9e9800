using Octopilot.Fusion.Tracking;

namespace Octopilot.Fusion.Tests.Tracking;

/// <summary>
/// The radial noise the tracker assumes must match the perception's range error: a learned model that places a car 50 m
/// ahead a few metres off from frame to frame keeps one track when the tracker knows it, and is split into a string of
/// short tracks (a lead whose gap and speed jump) when the tracker assumes oracle-grade 2 %.
/// </summary>
public class ObjectTrackerRangeNoiseTests
{
    private const int Sets = 150; // 10 s at 15 Hz

    /// <summary>Distinct track ids that held the car over the run, and the last track's speed (the car stands still).</summary>
    private static (int Ids, double LastVxMps) Follow(double assumedNoiseFraction, double trueNoiseFraction)
    {
        var tracker = new ObjectTracker(new ObjectTrackerOptions { RadialNoiseFractionOfRange = assumedNoiseFraction });
        var random = new Random(5);
        var ids = new HashSet<int>();
        double lastVx = double.NaN;
        for (int set = 0; set < Sets; set++)
        {
            double rangeM = 50 * (1 + (trueNoiseFraction * TrackingSets.Gaussian(random)));
            tracker.Update(TrackingSets.Create(set, (rangeM, 0)), EgoMotion.Stationary);
            foreach (ObjectTrack track in tracker.Tracks)
            {
                if (track.State == TrackState.Confirmed)
                {
                    ids.Add(track.Id);
                    lastVx = track.VxMps;
                }
            }
        }

        return (ids.Count, lastVx);
    }

    [Fact]
    public void Update_ModelGradeRangeNoise_OneTrackWhenTheTrackerKnowsIt()
    {
        (int ids, double vx) = Follow(assumedNoiseFraction: 0.06, trueNoiseFraction: 0.06);

        Assert.Equal(1, ids);
        Assert.InRange(vx, -1.5, 1.5);
    }

    [Fact]
    public void Update_ModelGradeRangeNoise_SplitIntoManyTracksUnderTheOracleDefault()
    {
        (int ids, _) = Follow(ObjectTrackerOptions.DefaultRadialNoiseFractionOfRange, trueNoiseFraction: 0.06);

        Assert.True(ids > 1, $"{ids} track id(s)");
    }
}

using Octopilot.Fusion.Tracking;

namespace Octopilot.Fusion.Tests.Tracking;

public class ObjectTrackerBadInputTests
{
    [Fact]
    public void Update_NonFiniteMeasurements_RejectedAndCounted()
    {
        var tracker = new ObjectTracker(new ObjectTrackerOptions());
        for (int set = 0; set < 5; set++)
        {
            tracker.Update(
                TrackingSets.Create(set, (double.NaN, 1), (20, 0), (5, double.PositiveInfinity)),
                EgoMotion.Stationary);
        }

        ObjectTrack track = TrackingSets.Single(tracker);
        Assert.Equal(20, track.XM, 1e-9);
        Assert.Equal(10, tracker.RejectedNonFiniteMeasurements);
    }

    [Fact]
    public void Update_StampNotIncreasing_SetRejectedAndTracksUnchanged()
    {
        var tracker = new ObjectTracker(new ObjectTrackerOptions());
        tracker.Update(TrackingSets.Create(3, (20, 0)), EgoMotion.Stationary);

        Assert.False(tracker.Update(TrackingSets.Create(3, (40, 0)), EgoMotion.Stationary));
        Assert.False(tracker.Update(TrackingSets.Create(2, (40, 0)), EgoMotion.Stationary));

        Assert.Equal(2, tracker.RejectedSets);
        Assert.Equal(20, TrackingSets.Single(tracker).XM, 1e-9);
    }

    [Fact]
    public void Update_NonFiniteEgoMotion_TakenAsStationaryAndCounted()
    {
        var tracker = new ObjectTracker(new ObjectTrackerOptions());
        for (int set = 0; set < 4; set++)
        {
            tracker.Update(TrackingSets.Create(set, (20, 0)), new EgoMotion(double.NaN, 0));
        }

        Assert.Equal(4, tracker.NonFiniteEgoMotions);
        Assert.True(double.IsFinite(TrackingSets.Single(tracker).XM));
    }

    [Fact]
    public void Constructor_ConfirmHitsAboveWindow_ThrowsNamingTheValues()
    {
        var options = new ObjectTrackerOptions { ConfirmHits = 6, ConfirmWindowSets = 5 };
        ArgumentException error = Assert.Throws<ArgumentException>(() => new ObjectTracker(options));
        Assert.Contains("was 6", error.Message, StringComparison.Ordinal);
    }
}

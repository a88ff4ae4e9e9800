using Octopilot.Fusion.Tracking;

namespace Octopilot.Fusion.Tests.Tracking;

public class ObjectTrackerClutterTests
{
    [Fact]
    public void Update_SingleSpuriousMeasurement_NeverConfirmsAndIsDeleted()
    {
        var tracker = new ObjectTracker(new ObjectTrackerOptions());
        tracker.Update(TrackingSets.Create(0, (25, -4)), EgoMotion.Stationary);
        Assert.Equal(TrackState.Tentative, TrackingSets.Single(tracker).State);

        bool sawDeleted = false;
        for (int set = 1; set < 10; set++)
        {
            tracker.Update(TrackingSets.Create(set), EgoMotion.Stationary);
            foreach (ObjectTrack track in tracker.Tracks)
            {
                Assert.NotEqual(TrackState.Confirmed, track.State);
                sawDeleted |= track.State == TrackState.Deleted;
            }
        }

        Assert.True(sawDeleted);
        Assert.Equal(0, tracker.Tracks.Length);
    }

    [Fact]
    public void Update_ClutterAtRandomPlacesBesideARealCar_OnlyTheCarConfirms()
    {
        var tracker = new ObjectTracker(new ObjectTrackerOptions());
        var random = new Random(11);
        for (int set = 0; set < 30; set++)
        {
            // One spurious detection per set, each somewhere new within 10..80 m: never twice in one gate.
            (double, double) clutter = (10 + (70 * random.NextDouble()), -15 + (30 * random.NextDouble()));
            tracker.Update(TrackingSets.Create(set, (40, 0), clutter), EgoMotion.Stationary);
        }

        int confirmed = 0;
        foreach (ObjectTrack track in tracker.Tracks)
        {
            if (track.State == TrackState.Confirmed)
            {
                confirmed++;
                Assert.InRange(track.XM, 39, 41);
            }
        }

        Assert.Equal(1, confirmed);
    }
}

using Octopilot.Fusion.Tracking;

namespace Octopilot.Fusion.Tests.Tracking;

public class ObjectTrackerMergeTests
{
    [Fact]
    public void Update_SameCarSeenByTwoCameras_OneTrackAtTheMean()
    {
        var tracker = new ObjectTracker(new ObjectTrackerOptions());
        for (int set = 0; set < 10; set++)
        {
            // Main and pillar camera disagree by 0.6 m in depth and 0.2 m across: one car.
            tracker.Update(TrackingSets.Create(set, (30.0, 5.0), (30.6, 5.2)), EgoMotion.Stationary);
        }

        ObjectTrack track = TrackingSets.Single(tracker);
        Assert.Equal(TrackState.Confirmed, track.State);
        Assert.Equal(30.3, track.XM, 1e-6);
        Assert.Equal(5.1, track.YM, 1e-6);
        Assert.Equal(10, tracker.MergedMeasurements);
    }

    [Fact]
    public void Update_TwoCarsSideBySide_AreNotMerged()
    {
        var tracker = new ObjectTracker(new ObjectTrackerOptions());
        for (int set = 0; set < 5; set++)
        {
            tracker.Update(TrackingSets.Create(set, (30.0, 0.0), (30.0, 3.5)), EgoMotion.Stationary);
        }

        Assert.Equal(2, tracker.Tracks.Length);
        Assert.Equal(0, tracker.MergedMeasurements);
    }

    [Fact]
    public void Update_FarCarWithCamerasDisagreeingInDepth_MergedByTheNoiseGate()
    {
        var tracker = new ObjectTracker(new ObjectTrackerOptions());
        for (int set = 0; set < 5; set++)
        {
            // 60 m ahead, the two depths differ by 2 m (2 % noise is 1.3 m 1σ per camera), across by 0.1 m.
            tracker.Update(TrackingSets.Create(set, (59.0, 0.0), (61.0, 0.1)), EgoMotion.Stationary);
        }

        ObjectTrack track = TrackingSets.Single(tracker);
        Assert.Equal(60.0, track.XM, 1e-6);
    }

    [Fact]
    public void Update_FarCarsInAdjacentLanes_AreNotMerged()
    {
        var tracker = new ObjectTracker(new ObjectTrackerOptions());
        for (int set = 0; set < 5; set++)
        {
            tracker.Update(TrackingSets.Create(set, (60.0, 0.0), (61.0, -3.5)), EgoMotion.Stationary);
        }

        Assert.Equal(2, tracker.Tracks.Length);
        Assert.Equal(0, tracker.MergedMeasurements);
    }
}

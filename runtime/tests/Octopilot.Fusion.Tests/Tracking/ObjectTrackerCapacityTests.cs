using Octopilot.Fusion.Tracking;

namespace Octopilot.Fusion.Tests.Tracking;

public class ObjectTrackerCapacityTests
{
    [Fact]
    public void Update_MoreObjectsThanSlots_KeepsExistingTracksAndCountsRefusedBirths()
    {
        var tracker = new ObjectTracker(new ObjectTrackerOptions());
        var list = new ObjectMeasurementList { TimestampNs = TrackingSets.StampNs(0) };
        for (int i = 0; i < ObjectMeasurementList.Capacity; i++)
        {
            list.TryAdd(new ObjectMeasurement(5 + (2.0 * (i / 8)), -14 + (4.0 * (i % 8))));
        }

        tracker.Update(list, EgoMotion.Stationary);
        Assert.Equal(ObjectTrackerOptions.MaxTracks, tracker.Tracks.Length);

        // Next set: the same 64 plus nothing new fits; a 65th object far away is refused, not swapped in.
        list.Clear();
        list.TimestampNs = TrackingSets.StampNs(1);
        for (int i = 0; i < ObjectMeasurementList.Capacity - 1; i++)
        {
            list.TryAdd(new ObjectMeasurement(5 + (2.0 * (i / 8)), -14 + (4.0 * (i % 8))));
        }

        list.TryAdd(new ObjectMeasurement(90, 0));
        tracker.Update(list, EgoMotion.Stationary);

        Assert.Equal(1, tracker.RefusedBirths);
        Assert.Equal(ObjectTrackerOptions.MaxTracks, tracker.Tracks.Length);
    }

    [Fact]
    public void Update_TwoTracksCompetingForOneMeasurement_NearestTrackTakesIt()
    {
        var tracker = new ObjectTracker(new ObjectTrackerOptions());
        for (int set = 0; set < 5; set++)
        {
            tracker.Update(TrackingSets.Create(set, (20, 0), (20, 1.6)), EgoMotion.Stationary);
        }

        int lowerId = tracker.Tracks[0].YM < 0.8 ? tracker.Tracks[0].Id : tracker.Tracks[1].Id;
        tracker.Update(TrackingSets.Create(5, (20, 0.3)), EgoMotion.Stationary);

        foreach (ObjectTrack track in tracker.Tracks)
        {
            Assert.Equal(track.Id == lowerId ? 0 : 1, track.ConsecutiveMisses);
        }
    }
}

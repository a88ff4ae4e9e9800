using Octopilot.Fusion.Tracking;

namespace Octopilot.Fusion.Tests.Tracking;

public class ObjectTrackerCoastingTests
{
    [Fact]
    public void Update_FewMissedSets_TrackCoastsAndIsReacquired()
    {
        var tracker = new ObjectTracker(new ObjectTrackerOptions());
        int set = 0;
        for (; set < 15; set++)
        {
            tracker.Update(TrackingSets.Create(set, (30 + (set * 0.2), 0)), EgoMotion.Stationary); // 3 m/s away
        }

        int id = TrackingSets.Single(tracker).Id;
        for (int missed = 0; missed < 4; missed++, set++)
        {
            tracker.Update(TrackingSets.Create(set), EgoMotion.Stationary);
            ObjectTrack coasting = TrackingSets.Single(tracker);
            Assert.Equal(TrackState.Confirmed, coasting.State);
            Assert.Equal(missed + 1, coasting.ConsecutiveMisses);
            Assert.InRange(coasting.XM, 30 + (set * 0.2) - 0.3, 30 + (set * 0.2) + 0.3); // predicted, not frozen
        }

        tracker.Update(TrackingSets.Create(set, (30 + (set * 0.2), 0)), EgoMotion.Stationary);
        ObjectTrack back = TrackingSets.Single(tracker);
        Assert.Equal(id, back.Id);
        Assert.Equal(0, back.ConsecutiveMisses);
    }

    [Fact]
    public void Update_LongAbsence_TrackIsReportedDeletedOnceThenGone()
    {
        var options = new ObjectTrackerOptions();
        var tracker = new ObjectTracker(options);
        int set = 0;
        for (; set < 10; set++)
        {
            tracker.Update(TrackingSets.Create(set, (20, 2)), EgoMotion.Stationary);
        }

        for (int missed = 1; missed < options.ConfirmedMissesToDelete; missed++, set++)
        {
            tracker.Update(TrackingSets.Create(set), EgoMotion.Stationary);
            Assert.Equal(TrackState.Confirmed, TrackingSets.Single(tracker).State);
        }

        tracker.Update(TrackingSets.Create(set++), EgoMotion.Stationary);
        Assert.Equal(TrackState.Deleted, TrackingSets.Single(tracker).State);

        tracker.Update(TrackingSets.Create(set), EgoMotion.Stationary);
        Assert.Equal(0, tracker.Tracks.Length);
    }

    [Fact]
    public void Update_GapLongerThanMaxGap_DropsTracksAndCounts()
    {
        var tracker = new ObjectTracker(new ObjectTrackerOptions());
        for (int set = 0; set < 5; set++)
        {
            tracker.Update(TrackingSets.Create(set, (20, 0)), EgoMotion.Stationary);
        }

        int oldId = TrackingSets.Single(tracker).Id;
        tracker.Update(TrackingSets.Create(5 + 30, (20, 0)), EgoMotion.Stationary); // 2 s later

        Assert.Equal(1, tracker.GapResets);
        ObjectTrack reborn = TrackingSets.Single(tracker);
        Assert.NotEqual(oldId, reborn.Id);
        Assert.Equal(TrackState.Tentative, reborn.State);
    }
}

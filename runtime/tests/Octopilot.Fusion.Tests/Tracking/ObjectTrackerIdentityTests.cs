using Octopilot.Fusion.Tracking;

namespace Octopilot.Fusion.Tests.Tracking;

public class ObjectTrackerIdentityTests
{
    [Fact]
    public void Update_TwoCarsInAdjacentLanes_KeepTheirIdsFor3s()
    {
        var tracker = new ObjectTracker(new ObjectTrackerOptions());
        var random = new Random(7);
        int? leftId = null;
        int? rightId = null;

        for (int set = 0; set < 45; set++)
        {
            double t = set * TrackingSets.DtS;
            // Lead in the ego lane pulling away; a car in the right lane closing in (their paths never cross).
            (double x, double y) ego = (30 + (2 * t) + (0.3 * TrackingSets.Gaussian(random)), 0.1 * TrackingSets.Gaussian(random));
            (double x, double y) right = (50 - (4 * t) + (0.5 * TrackingSets.Gaussian(random)), -3.5 + (0.1 * TrackingSets.Gaussian(random)));
            tracker.Update(TrackingSets.Create(set, right, ego), EgoMotion.Stationary);

            if (set < 3)
            {
                continue;
            }

            Assert.Equal(2, tracker.Tracks.Length);
            foreach (ObjectTrack track in tracker.Tracks)
            {
                Assert.Equal(TrackState.Confirmed, track.State);
                if (track.YM > -1.75)
                {
                    leftId ??= track.Id;
                    Assert.Equal(leftId, track.Id);
                }
                else
                {
                    rightId ??= track.Id;
                    Assert.Equal(rightId, track.Id);
                }
            }
        }

        Assert.NotEqual(leftId, rightId);
    }
}

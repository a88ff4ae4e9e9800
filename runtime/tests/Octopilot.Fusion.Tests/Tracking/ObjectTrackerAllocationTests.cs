using Octopilot.Fusion.Tracking;

namespace Octopilot.Fusion.Tests.Tracking;

public class ObjectTrackerAllocationTests
{
    [Fact]
    public void Update_500SetsWithFullLists_AllocatesNothing()
    {
        var tracker = new ObjectTracker(new ObjectTrackerOptions());
        var random = new Random(3);
        var ego = new EgoMotion(25, 0.02);
        var list = new ObjectMeasurementList();

        // A full list: 40 cars (some seen twice) plus clutter, so births, merges, gating and deletions all run.
        void Fill(int set)
        {
            list.Clear();
            list.TimestampNs = TrackingSets.StampNs(set);
            for (int i = 0; i < ObjectMeasurementList.Capacity; i++)
            {
                double x = -40 + (3.5 * (i % 40)) + (0.2 * TrackingSets.Gaussian(random));
                double y = -7 + (3.5 * (i % 5)) + (0.1 * TrackingSets.Gaussian(random));
                if (i >= 56)
                {
                    // Clutter somewhere new every set: births and deletions of tentative tracks in steady state.
                    x = 100 * random.NextDouble();
                    y = -20 + (40 * random.NextDouble());
                }

                list.TryAdd(i == 63 ? new ObjectMeasurement(double.NaN, 0) : new ObjectMeasurement(x, y, 4.5, 1.8, 1));
            }
        }

        for (int set = 0; set < 20; set++)
        {
            Fill(set);
            tracker.Update(list, ego);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int set = 20; set < 520; set++)
        {
            Fill(set);
            tracker.Update(list, ego);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.NotEqual(0, tracker.Tracks.Length);
        Assert.NotEqual(0, tracker.MergedMeasurements);
    }
}

using Octopilot.Fusion.Tracking;

namespace Octopilot.Fusion.Tests.Tracking;

/// <summary>
/// Issue 5 acceptance: tracked relative speed within 0.5 m/s after 1 s at 15 Hz. Measurement noise is white, 0.15 m
/// (1σ) on both axes: with 16 positions over 1 s even a least-squares line has a slope σ of 0.81·σ_pos, so the 0.5 m/s
/// bound is only reachable for σ_pos up to about 0.2 m (3σ); at 2 % of range beyond 20 m no estimator meets it.
/// Each case runs many seeds rather than one lucky one.
/// </summary>
public class ObjectTrackerVelocityTests
{
    private const double AcceptanceMps = 0.5;
    private const double NoiseSigmaM = 0.15;
    private const int Seeds = 200;

    [Theory]
    [InlineData(0.0, 20.0, 0.0, 5.0, 0.0)]      // parked ego, car pulling away
    [InlineData(25.0, 40.0, 0.0, -5.0, 0.0)]    // ego at 25 m/s closing on a car at 20 m/s
    [InlineData(30.0, 60.0, -3.5, 2.0, 0.5)]    // car in the right lane, pulling away and drifting left
    [InlineData(20.0, 80.0, 0.0, -3.0, 0.0)]    // far lead, slowly closing
    public void Update_ConstantRelativeSpeedWithNoise_ConfirmedWithin05MpsAfter1s(
        double egoSpeedMps, double x0M, double y0M, double relVxMps, double relVyMps)
    {
        var ego = new EgoMotion(egoSpeedMps, 0);
        for (int seed = 0; seed < Seeds; seed++)
        {
            var tracker = new ObjectTracker(new ObjectTrackerOptions());
            var random = new Random(seed);
            for (int set = 0; set <= (int)TrackingSets.RateHz; set++) // set 0 .. set 15 = 1 s
            {
                double t = set * TrackingSets.DtS;
                double zx = x0M + (relVxMps * t) + (NoiseSigmaM * TrackingSets.Gaussian(random));
                double zy = y0M + (relVyMps * t) + (NoiseSigmaM * TrackingSets.Gaussian(random));
                Assert.True(tracker.Update(TrackingSets.Create(set, (zx, zy)), ego));
            }

            ObjectTrack track = TrackingSets.Single(tracker);
            Assert.Equal(TrackState.Confirmed, track.State);
            Assert.InRange(track.RelativeVxMps - relVxMps, -AcceptanceMps, AcceptanceMps);
            Assert.InRange(track.RelativeVyMps - relVyMps, -AcceptanceMps, AcceptanceMps);
            Assert.InRange(track.VxMps - (egoSpeedMps + relVxMps), -AcceptanceMps, AcceptanceMps);
        }
    }

    [Fact]
    public void Update_EgoTurningPastParkedCar_OverGroundVelocityStaysNearZero()
    {
        // Ego drives a left curve (20 m/s, 0.1 rad/s); a parked car ahead is measured exactly in each new ego frame.
        var tracker = new ObjectTracker(new ObjectTrackerOptions());
        const double speedMps = 20.0;
        const double yawRateRadps = 0.1;
        var ego = new EgoMotion(speedMps, yawRateRadps);
        (double carX, double carY) = (60.0, 10.0); // world frame = ego frame at t = 0

        for (int set = 0; set <= 30; set++)
        {
            double t = set * TrackingSets.DtS;
            double heading = yawRateRadps * t;
            double egoX = speedMps / yawRateRadps * Math.Sin(heading);
            double egoY = speedMps / yawRateRadps * (1 - Math.Cos(heading));
            double dx = carX - egoX;
            double dy = carY - egoY;
            double zx = (Math.Cos(heading) * dx) + (Math.Sin(heading) * dy);
            double zy = (-Math.Sin(heading) * dx) + (Math.Cos(heading) * dy);
            tracker.Update(TrackingSets.Create(set, (zx, zy)), ego);
        }

        ObjectTrack track = TrackingSets.Single(tracker);
        Assert.Equal(TrackState.Confirmed, track.State);
        Assert.InRange(track.VxMps, -0.1, 0.1);
        Assert.InRange(track.VyMps, -0.1, 0.1);
    }
}

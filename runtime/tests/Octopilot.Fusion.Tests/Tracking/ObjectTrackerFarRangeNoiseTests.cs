using Octopilot.Fusion.Tracking;

namespace Octopilot.Fusion.Tests.Tracking;

/// <summary>
/// A car standing 90 m ahead, measured with a model's ground-contact noise (8 % of range plus 0.0005/m · range²: σ 11.3 m,
/// twice the fixed 5 m deletion limit): with the fixed limit every track dies right after its birth; with a limit that
/// follows the measurement noise one track holds it. And the range-squared noise term itself.
/// </summary>
public class ObjectTrackerFarRangeNoiseTests
{
    private const int Sets = 75; // 5 s at 15 Hz

    private static readonly ObjectTrackerOptions ModelNoise = new() { RadialNoiseFractionOfRange = 0.08, RadialNoiseGrowthPerM = 0.0005 };

    private static (int Ids, int ConfirmedSets) Follow(ObjectTrackerOptions options, double rangeM, double trueNoiseFraction)
    {
        var tracker = new ObjectTracker(options);
        var random = new Random(11);
        var ids = new HashSet<int>();
        int confirmed = 0;
        for (int set = 0; set < Sets; set++)
        {
            double measuredM = rangeM * (1 + (trueNoiseFraction * TrackingSets.Gaussian(random)));
            tracker.Update(TrackingSets.Create(set, (measuredM, 0)), EgoMotion.Stationary);
            bool any = false;
            foreach (ObjectTrack track in tracker.Tracks)
            {
                if (track.State == TrackState.Confirmed)
                {
                    ids.Add(track.Id);
                    any = true;
                }
            }

            confirmed += any ? 1 : 0;
        }

        return (ids.Count, confirmed);
    }

    [Fact]
    public void Update_NoiseAboveTheFixedLimit_NoTrackIsKept()
    {
        (int ids, int confirmedSets) = Follow(ModelNoise, 90, Cov2.RadialSigmaM(90, ModelNoise) / 90);

        Assert.Equal(0, confirmedSets);
        Assert.Equal(0, ids);
    }

    [Fact]
    public void Update_LimitFollowsTheNoise_OneTrackHoldsTheCar()
    {
        ObjectTrackerOptions options = ModelNoise with { MaxPositionSigmaOverRadialNoise = 2 };

        (int ids, int confirmedSets) = Follow(options, 90, Cov2.RadialSigmaM(90, ModelNoise) / 90);

        Assert.Equal(1, ids);
        Assert.True(confirmedSets >= Sets - 5, $"confirmed in {confirmedSets} of {Sets} sets");
    }

    [Fact]
    public void RadialSigma_GrowthTerm_AddsRangeSquared()
    {
        var linear = new ObjectTrackerOptions { RadialNoiseFractionOfRange = 0.05 };
        var growing = linear with { RadialNoiseGrowthPerM = 0.001 };

        Assert.Equal(Cov2.RadialSigmaM(100, linear) + 10, Cov2.RadialSigmaM(100, growing), 9);
        Assert.Equal(Cov2.RadialSigmaM(10, linear) + 0.1, Cov2.RadialSigmaM(10, growing), 9);
    }

    [Theory]
    [InlineData(nameof(ObjectTrackerOptions.RadialNoiseGrowthPerM))]
    [InlineData(nameof(ObjectTrackerOptions.MaxPositionSigmaOverRadialNoise))]
    public void Validate_Negative_RefusedNamingTheOption(string name)
    {
        ObjectTrackerOptions options = name == nameof(ObjectTrackerOptions.RadialNoiseGrowthPerM)
            ? new ObjectTrackerOptions { RadialNoiseGrowthPerM = -0.001 }
            : new ObjectTrackerOptions { MaxPositionSigmaOverRadialNoise = -1 };

        var e = Assert.ThrowsAny<ArgumentException>(options.Validate);

        Assert.Contains(name, e.Message, StringComparison.Ordinal);
    }
}

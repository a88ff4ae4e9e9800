using Octopilot.Fusion.Objects;
using Octopilot.Fusion.Tracking;

namespace Octopilot.WorldModel.Tests;

/// <summary>
/// The world model for a perception with a measured range noise (a model): its noise, the range-squared term, the
/// deletion limit that follows the noise and the farther range cut; oracle perception (no noise given) keeps every default.
/// </summary>
public sealed class ModelPerceptionOptionsTests
{
    [Fact]
    public void ForRangeNoise_ModelNoise_TrackerAndProjectorSizedForIt()
    {
        WorldModelOptions options = WorldModelOptions.ForRangeNoise(0.08);

        Assert.Equal(0.08, options.Tracker.RadialNoiseFractionOfRange);
        Assert.Equal(WorldModelOptions.ModelRadialNoiseGrowthPerM, options.Tracker.RadialNoiseGrowthPerM);
        Assert.Equal(WorldModelOptions.ModelMaxPositionSigmaOverRadialNoise, options.Tracker.MaxPositionSigmaOverRadialNoise);
        Assert.Equal(WorldModelOptions.ModelBirthVelocitySigmaMps, options.Tracker.BirthVelocitySigmaMps);
        Assert.True(options.Tracker.BirthVelocitySigmaMps > ObjectTrackerOptions.DefaultBirthVelocitySigmaMps); // a stopped car is 22 m/s off the birth prior at 80 km/h
        Assert.Equal(WorldModelOptions.ModelMaxRangeM, options.Projector.MaxRangeM);
        Assert.True(options.Projector.MaxRangeM > DetectionProjectorOptions.DefaultMaxRangeM);
        Assert.Equal(WorldModelOptions.ModelDepthNoiseFraction, options.Projector.DepthNoiseFraction); // the depth weighed with the bottom row
        Assert.True(options.Projector.DepthNoiseFraction > 0);
        options.Tracker.Validate();
        options.Projector.Validate();
    }

    [Fact]
    public void ForRangeNoise_None_TheDefaults()
    {
        WorldModelOptions options = WorldModelOptions.ForRangeNoise(null);

        Assert.Equal(ObjectTrackerOptions.DefaultRadialNoiseFractionOfRange, options.Tracker.RadialNoiseFractionOfRange);
        Assert.Equal(0, options.Tracker.RadialNoiseGrowthPerM);
        Assert.Equal(0, options.Tracker.MaxPositionSigmaOverRadialNoise);
        Assert.Equal(ObjectTrackerOptions.DefaultBirthVelocitySigmaMps, options.Tracker.BirthVelocitySigmaMps);
        Assert.Equal(DetectionProjectorOptions.DefaultMaxRangeM, options.Projector.MaxRangeM);
        Assert.Equal(0, options.Projector.DepthNoiseFraction); // the oracle's depth is exact
    }
}

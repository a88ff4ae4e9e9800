using Octopilot.Core.Calibration;
using Octopilot.Fusion.Objects;
using Octopilot.Fusion.Tests.Infrastructure;
using Octopilot.Fusion.Tracking;
using Octopilot.Inference.Perception;

using static Octopilot.Fusion.Tests.Objects.MainForwardProjection;

namespace Octopilot.Fusion.Tests.Objects;

/// <summary>
/// The range a box's bottom row gives (the footprint fitted to it): alone when a detection has no depth, weighed with a
/// noisy depth by <see cref="DetectionProjectorOptions.DepthNoiseFraction"/>. Exact boxes through the default rig at
/// 384x288 (main_forward is camera 0).
/// </summary>
public class DetectionProjectorContactFitTests
{
    private static (double XM, double YM) PlaceOne(DetectionProjector projector, Detection detection)
    {
        ObjectMeasurementList output = MainForwardProjection.ProjectOne(projector, detection);
        ProjectionCounters k = projector.Counters(MainForward);
        Assert.True(output.Count == 1, $"not placed: above horizon {k.RejectedAboveHorizon}, out of range {k.RejectedOutOfRange}, truncated {k.RejectedTruncated}");
        return (output[0].XM, output[0].YM);
    }

    private static double ErrorM((double XM, double YM) placed, double xM, double yM) => Math.Sqrt(((placed.XM - xM) * (placed.XM - xM)) + ((placed.YM - yM) * (placed.YM - yM)));

    [Theory]
    [InlineData(15.0, 3.6)]
    [InlineData(15.0, -3.6)]
    [InlineData(25.0, 3.6)]
    [InlineData(20.0, 0.0)]
    public void Project_NoDepth_TheFootprintFittedToTheBottomRowPlacesTheCarWithinCentimetres(double xM, double yM)
    {
        var projector = new DetectionProjector(Rig, ClassNames, new DetectionProjectorOptions());
        Detection detection = ObjectSets.Perfect(Main, xM, yM, DetectionProjectorOptions.DefaultVehicle) with { DepthM = 0, Range = RangeSource.GroundContact };

        (double XM, double YM) placed = PlaceOne(projector, detection);

        // Pushed back by half a length along the bottom centre's bearing, a car in the next lane at 15 m sits 0.3 m off:
        // its nearest corner, not the middle of its rear, is the bottom row.
        ProjectionCounters k = projector.Counters(MainForward);
        Assert.True(ErrorM(placed, xM, yM) < 0.05, $"placed at ({placed.XM:0.000}, {placed.YM:0.000}), truth ({xM}, {yM}); fits {k.ContactFits} fallbacks {k.DepthFallbacks} skipped {k.FitsSkipped} box v {detection.CenterVPx} h {detection.HeightPx} u {detection.CenterUPx} w {detection.WidthPx}");
        Assert.Equal(1, projector.Counters(MainForward).ContactFits);
        Assert.Equal(0, projector.Counters(MainForward).DepthFallbacks);
    }

    [Fact]
    public void Project_NoDepthAndBottomOnTheImageBorder_PushedBackAndCounted()
    {
        var projector = new DetectionProjector(Rig, ClassNames, new DetectionProjectorOptions());
        // The box reaches down to the image's last row (as a car whose bottom is below the image): its bottom row is the
        // image's, so it ranges nothing and the contact there is pushed back.
        Detection whole = ObjectSets.Perfect(Main, 20.0, 0, DetectionProjectorOptions.DefaultVehicle);
        float bottomPx = (float)(Main.Intrinsics.HeightPx - 0.5);
        float topPx = whole.CenterVPx - (whole.HeightPx / 2);
        Detection cut = whole with { CenterVPx = (topPx + bottomPx) / 2, HeightPx = bottomPx - topPx, DepthM = 0, Range = RangeSource.GroundContact };

        PlaceOne(projector, cut);

        Assert.Equal(0, projector.Counters(MainForward).ContactFits); // the bottom row is the image's, not the car's
        Assert.Equal(1, projector.Counters(MainForward).DepthFallbacks);
    }

    [Theory]
    [InlineData(15.0, 3.6, 1.15)]
    [InlineData(30.0, -3.6, 0.88)]
    [InlineData(50.0, 0.0, 1.12)]
    public void Project_NoisyDepth_WeighedWithTheBottomRowCloserThanTheDepthAlone(double xM, double yM, double depthScale)
    {
        Detection exact = ObjectSets.Perfect(Main, xM, yM, DetectionProjectorOptions.DefaultVehicle);
        Detection noisy = exact with { DepthM = (float)(exact.DepthM * depthScale) };
        var asIs = new DetectionProjector(Rig, ClassNames, new DetectionProjectorOptions());
        var weighed = new DetectionProjector(Rig, ClassNames, new DetectionProjectorOptions { DepthNoiseFraction = 0.1 });

        double depthAloneM = ErrorM(PlaceOne(asIs, noisy), xM, yM);
        double weighedM = ErrorM(PlaceOne(weighed, noisy), xM, yM);

        // The depth alone is off by its error along the bearing; the row of an exact box is not off at all, so the
        // weighed depth lands nearer by the row's weight (0.4 at 30 m, where one pixel of row is 1.6 m of range).
        Assert.True(depthAloneM > 0.08 * Math.Abs(depthScale - 1) * xM, $"depth alone {depthAloneM:0.000} m");
        Assert.True(weighedM < 0.7 * depthAloneM, $"weighed {weighedM:0.000} m, depth alone {depthAloneM:0.000} m");
        Assert.Equal(0, asIs.Counters(MainForward).ContactFits); // noise 0: the depth is the oracle's, used as it is
        Assert.Equal(1, weighed.Counters(MainForward).ContactFits);
    }

    [Fact]
    public void Project_ExactDepthWithNoiseZero_PlacedAsBefore()
    {
        Detection exact = ObjectSets.Perfect(Main, 20, 3.6, DetectionProjectorOptions.DefaultVehicle);
        var projector = new DetectionProjector(Rig, ClassNames, new DetectionProjectorOptions());

        (double XM, double YM) placed = PlaceOne(projector, exact);

        Assert.Equal(20, placed.XM, 0.003);
        Assert.Equal(3.6, placed.YM, 0.003);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Validate_DepthNoiseOutsideZeroToOne_NamesTheField(double fraction)
    {
        var error = Assert.Throws<ArgumentException>(() => new DetectionProjectorOptions { DepthNoiseFraction = fraction }.Validate());

        Assert.Contains(nameof(DetectionProjectorOptions.DepthNoiseFraction), error.Message);
        Assert.Contains("[0, 1)", error.Message);
    }

    [Fact]
    public void Validate_ContactRowNoiseNotPositive_NamesTheField()
    {
        var error = Assert.Throws<ArgumentException>(() => new DetectionProjectorOptions { ContactRowNoisePx = 0 }.Validate());

        Assert.Contains(nameof(DetectionProjectorOptions.ContactRowNoisePx), error.Message);
    }
}

using Octopilot.Core.Calibration;
using Octopilot.Fusion.Objects;
using Octopilot.Fusion.Tests.Infrastructure;
using Octopilot.Fusion.Tracking;
using Octopilot.Inference.Perception;

using static Octopilot.Fusion.Tests.Objects.MainForwardProjection;

namespace Octopilot.Fusion.Tests.Objects;

/// <summary>Hand-made detections through the default rig at 384x288 (main_forward is camera 0).</summary>
public class DetectionProjectorGeometryTests
{
    private static DetectionProjector CreateProjector() => new(Rig, ClassNames, new DetectionProjectorOptions());

    [Theory]
    [InlineData(20.0, 0.0)]
    [InlineData(10.0, 3.6)]
    [InlineData(10.0, -3.6)]
    [InlineData(40.0, 3.6)]
    [InlineData(70.0, -3.6)]
    public void Project_PerfectBoxOfClassShape_RoundTripsWithinMillimetres(double xM, double yM)
    {
        DetectionProjector projector = CreateProjector();
        Detection detection = ObjectSets.Perfect(Main, xM, yM, DetectionProjectorOptions.DefaultVehicle);

        ObjectMeasurementList output = ProjectOne(projector, detection);

        Assert.Equal(1, output.Count);
        Assert.Equal(ReferenceNs, output.TimestampNs);
        Assert.Equal(xM, output[0].XM, 0.003);
        Assert.Equal(yM, output[0].YM, 0.003);
        Assert.Equal(1, output[0].ClassId); // class index 0 ("vehicle") + 1
        Assert.Equal(DetectionProjectorOptions.DefaultVehicle.LengthM, output[0].LengthM, 0.01);
        Assert.Equal(0, projector.Counters(MainForward).FitsSkipped);
    }

    [Fact]
    public void Project_TallBox_TakesTheTallVehicleShape()
    {
        DetectionProjector projector = CreateProjector();
        Detection detection = ObjectSets.Perfect(Main, 40, -3.6, DetectionProjectorOptions.DefaultTallVehicle);

        ObjectMeasurementList output = ProjectOne(projector, detection);

        Assert.Equal(40, output[0].XM, 0.01);
        Assert.Equal(-3.6, output[0].YM, 0.01);
        Assert.Equal(DetectionProjectorOptions.DefaultTallVehicle.LengthM, output[0].LengthM, 0.5);
    }

    [Fact]
    public void Project_LongCarCloseBesideSeenAlongItsSide_FitsLengthAndPosition()
    {
        // left_repeater (camera 5) looks back along the left side; a 5.3 m car (the class says 4.6) 1.5 m behind the axle.
        const int leftRepeater = 5;
        var longCar = DetectionProjectorOptions.DefaultVehicle with { LengthM = 5.3 };
        DetectionProjector projector = CreateProjector();
        PerceptionFrameSet set = ObjectSets.Create(Rig);
        ObjectSets.Add(set, leftRepeater, ObjectSets.Perfect(Rig[leftRepeater], -1.5, 3.6, longCar));
        var output = new ObjectMeasurementList();

        projector.Project(set, 0, EgoMotion.Stationary, ref output);

        Assert.Equal(-1.5, output[0].XM, 0.05);
        Assert.Equal(3.6, output[0].YM, 0.05);
        Assert.Equal(5.3, output[0].LengthM, 0.1);
    }

    [Fact]
    public void Project_BottomHiddenByNearerCar_TakesRangeFromDepth()
    {
        DetectionProjector projector = CreateProjector();
        Detection near = ObjectSets.Perfect(Main, 15, 0.3, DetectionProjectorOptions.DefaultVehicle);
        Detection far = ObjectSets.Perfect(Main, 60, 0, DetectionProjectorOptions.DefaultTallVehicle);
        // Only the part of the far truck above the near car's roof is visible: its bottom is above the horizon.
        float nearTop = near.CenterVPx - (near.HeightPx / 2);
        float farTop = far.CenterVPx - (far.HeightPx / 2);
        Assert.True(nearTop > farTop && nearTop < far.CenterVPx + (far.HeightPx / 2), "the near car must hide the far truck's bottom");
        Detection hidden = far with { CenterVPx = (farTop + nearTop) / 2, HeightPx = nearTop - farTop };
        PerceptionFrameSet set = ObjectSets.Create(Rig);
        ObjectSets.Add(set, MainForward, near);
        ObjectSets.Add(set, MainForward, hidden);
        var output = new ObjectMeasurementList();

        projector.Project(set, ReferenceNs, EgoMotion.Stationary, ref output);

        Assert.Equal(2, output.Count);
        Assert.Equal(60, output[1].XM, 0.05);
        Assert.Equal(0, output[1].YM, 0.1);
        Assert.Equal(0, projector.Total.InconsistentDepths);
        Assert.Equal(0, projector.Total.RejectedAboveHorizon);
    }

    [Fact]
    public void Project_BoxBottomAboveHorizon_RejectedAndCounted()
    {
        DetectionProjector projector = CreateProjector();
        // Bottom edge 40 px above the principal point of a camera pitched 1° down: the ray rises.
        double bottomPx = Main.Intrinsics.CyPx - 40;
        var detection = new Detection(1f, 0, (float)Main.Intrinsics.CxPx, (float)(bottomPx - 10), 30, 20, 50);

        ObjectMeasurementList output = ProjectOne(projector, detection);

        Assert.Equal(0, output.Count);
        Assert.Equal(1, projector.Counters(MainForward).RejectedAboveHorizon);
        Assert.Equal(0, projector.Counters(MainForward).Projected);
        Assert.Equal(1, projector.Total.RejectedAboveHorizon);
    }

    [Fact]
    public void Project_ContactBeyondMaxRange_RejectedAndCounted()
    {
        var projector = new DetectionProjector(Rig, ClassNames, new DetectionProjectorOptions { MaxRangeM = 30 });
        Detection detection = ObjectSets.Perfect(Main, 50, 0, DetectionProjectorOptions.DefaultVehicle);

        ObjectMeasurementList output = ProjectOne(projector, detection);

        Assert.Equal(0, output.Count);
        Assert.Equal(1, projector.Counters(MainForward).RejectedOutOfRange);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(-5f)]
    [InlineData(0f)]
    public void Project_DepthNotUsable_RangedByTheFootprintFittedToTheBottomRow(float depthM)
    {
        DetectionProjector projector = CreateProjector();
        Detection perfect = ObjectSets.Perfect(Main, 30, 0, DetectionProjectorOptions.DefaultVehicle);
        Detection detection = perfect with { DepthM = depthM };
        Assert.True(Main.TryPixelToGround(perfect.CenterUPx, perfect.CenterVPx + (perfect.HeightPx / 2), out var contact));

        ObjectMeasurementList output = ProjectOne(projector, detection);

        Assert.Equal(1, output.Count);
        Assert.Equal(1, projector.Counters(MainForward).ContactFits);
        Assert.Equal(0, projector.Counters(MainForward).DepthFallbacks);
        // Straight ahead: the rear face is the bottom row, 2.3 m before the centre (the contact at 27.7 m).
        Assert.Equal(contact.X + 2.3, output[0].XM, 0.05);
        Assert.Equal(30, output[0].XM, 0.05);
    }

    [Fact]
    public void Project_DepthNearerThanContact_UsesContactAndCountsInconsistent()
    {
        DetectionProjector projector = CreateProjector();
        Detection detection = ObjectSets.Perfect(Main, 30, 0, DetectionProjectorOptions.DefaultVehicle) with { DepthM = 10 };

        ObjectMeasurementList output = ProjectOne(projector, detection);

        Assert.Equal(1, output.Count);
        Assert.Equal(1, projector.Counters(MainForward).InconsistentDepths);
        Assert.Equal(30, output[0].XM, 0.1);
    }

    [Fact]
    public void Project_CameraExposed50msBeforeReference_MovedBackBySpeedTimesDt()
    {
        const double speedMps = 20;
        const long dtNs = 50_000_000;
        Detection detection = ObjectSets.Perfect(Main, 30, 2, DetectionProjectorOptions.DefaultVehicle);

        ObjectMeasurementList still = ProjectOne(CreateProjector(), detection, ReferenceNs - dtNs, egoSpeedMps: 0);
        ObjectMeasurementList moving = ProjectOne(CreateProjector(), detection, ReferenceNs - dtNs, egoSpeedMps: speedMps);

        // The ego drove 1 m after the exposure, so a fixed point is 1 m nearer in the reference frame.
        Assert.Equal(still[0].XM - (speedMps * dtNs / 1e9), moving[0].XM, 1e-9);
        Assert.Equal(still[0].YM, moving[0].YM, 1e-9);
    }

    [Fact]
    public void ToLaterFrame_QuarterTurn_PointOnPathLandsAtOrigin()
    {
        // 90° of turn in 1 s at 10 m/s (radius 6.37 m): a point on the ego's path ahead lands at the origin of the new frame.
        double omega = Math.PI / 2;
        double radius = 10 / omega;
        (double x, double y) = EgoFrameShift.ToLaterFrame(radius, radius, new EgoMotion(10, omega), 1.0);
        Assert.Equal(0, x, 1e-9);
        Assert.Equal(0, y, 1e-9);
    }

    [Fact]
    public void Project_MissingCameraOrInvalidHead_Skipped()
    {
        DetectionProjector projector = CreateProjector();
        PerceptionFrameSet set = ObjectSets.Create(Rig);
        Detection detection = ObjectSets.Perfect(Main, 30, 0, DetectionProjectorOptions.DefaultVehicle);
        ObjectSets.Add(set, MainForward, detection);
        ObjectSets.Add(set, 1, ObjectSets.Perfect(Rig[1], 30, 0, DetectionProjectorOptions.DefaultVehicle));
        set.Camera(MainForward).FramePresent = false;
        set.Camera(1).SetValid(HeadKind.Objects, false);
        var output = new ObjectMeasurementList();

        projector.Project(set, ReferenceNs, EgoMotion.Stationary, ref output);

        Assert.Equal(0, output.Count);
        Assert.Equal(0, projector.Total.Projected);
    }

    [Fact]
    public void Project_MoreThanCapacity_KeepsNearestAndCountsDrops()
    {
        DetectionProjector projector = CreateProjector();
        PerceptionFrameSet set = ObjectSets.Create(Rig, maxDetections: 40);
        // 80 detections over main_forward and narrow_forward, 10..89 m ahead.
        for (int i = 0; i < 80; i++)
        {
            int camera = i % 2;
            ObjectSets.Add(set, camera, ObjectSets.Perfect(Rig[camera], 10 + i, 0, DetectionProjectorOptions.DefaultVehicle));
        }

        var output = new ObjectMeasurementList();
        projector.Project(set, ReferenceNs, EgoMotion.Stationary, ref output);

        Assert.Equal(ObjectMeasurementList.Capacity, output.Count);
        Assert.Equal(80 - ObjectMeasurementList.Capacity, projector.Total.DroppedForCapacity);
        double farthestKeptM = 0;
        for (int k = 0; k < output.Count; k++)
        {
            farthestKeptM = Math.Max(farthestKeptM, output[k].XM);
        }

        Assert.True(farthestKeptM < 10 + ObjectMeasurementList.Capacity, $"farthest kept {farthestKeptM:F1} m; the nearest 64 end at {10 + ObjectMeasurementList.Capacity - 1} m");
    }

    [Fact]
    public void Options_BrokenRule_ThrowsNamingRuleAndValue()
    {
        var error = Assert.Throws<ArgumentException>(() => new DetectionProjectorOptions { MaxRangeM = -1 }.Validate());
        Assert.Contains("MaxRangeM", error.Message, StringComparison.Ordinal);
        Assert.Contains("-1", error.Message, StringComparison.Ordinal);
        var shape = Assert.Throws<ArgumentException>(() =>
            new DetectionProjectorOptions { ClassShapes = [new ObjectClassShape("vehicle", 0, 1.8, 1.5)] }.Validate());
        Assert.Contains("vehicle", shape.Message, StringComparison.Ordinal);
    }
}

using Octopilot.Core.Calibration;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration;

public class RigFileDefaultRigTests
{
    private static readonly string[] ExpectedOrder =
    [
        "main_forward", "narrow_forward", "wide_forward", "left_pillar",
        "right_pillar", "left_repeater", "right_repeater", "rear",
    ];

    [Fact]
    public void Load_DefaultRig_HasEightCamerasInBatchOrder()
    {
        CameraRig rig = DefaultRig.Load();

        Assert.Equal("octopilot-default-8cam", rig.Name);
        Assert.Equal(8, rig.Count);
        Assert.Equal(ExpectedOrder, rig.Cameras.Select(c => c.Name));
        for (int i = 0; i < ExpectedOrder.Length; i++)
        {
            Assert.Equal(i, rig.IndexOf(ExpectedOrder[i]));
        }
    }

    [Fact]
    public void Load_DefaultRig_ReadsNumbersOfMainForward()
    {
        CameraCalibration main = DefaultRig.Load()[0];

        Assert.Equal(1280, main.Intrinsics.WidthPx);
        Assert.Equal(960, main.Intrinsics.HeightPx);
        Assert.Equal(1372.5, main.Intrinsics.FxPx);
        Assert.Equal(641.2, main.Intrinsics.CxPx);
        Assert.Equal(478.9, main.Intrinsics.CyPx);
        Assert.True(main.Intrinsics.Distortion.IsZero);
        Assert.Equal(1.90, main.PositionInEgoM.X);
        Assert.Equal(1.35, main.PositionInEgoM.Z);
    }

    [Fact]
    public void Load_DefaultRig_WideAndRearCarryDistortion()
    {
        CameraRig rig = DefaultRig.Load();

        Assert.Equal(-0.05, rig[rig.IndexOf("wide_forward")].Intrinsics.Distortion.K1);
        Assert.Equal(0.002, rig[rig.IndexOf("rear")].Intrinsics.Distortion.K2);
    }

    [Fact]
    public void Load_DefaultRig_CamerasLookWhereTheirNamesSay()
    {
        CameraRig rig = DefaultRig.Load();

        // Optical axis (camera +z) in the ego frame: forward cameras look along +x, the rear one along −x,
        // the left cameras to +y and the right ones to −y.
        double AxisX(string name) => rig[rig.IndexOf(name)].CameraToEgo.ApplyToDirection(new(0, 0, 1)).X;
        double AxisY(string name) => rig[rig.IndexOf(name)].CameraToEgo.ApplyToDirection(new(0, 0, 1)).Y;

        Assert.True(AxisX("main_forward") > 0.99);
        Assert.True(AxisX("rear") < -0.9);
        Assert.True(AxisX("left_pillar") > 0 && AxisY("left_pillar") > 0);
        Assert.True(AxisX("right_pillar") > 0 && AxisY("right_pillar") < 0);
        Assert.True(AxisX("left_repeater") < 0 && AxisY("left_repeater") > 0);
        Assert.True(AxisX("right_repeater") < 0 && AxisY("right_repeater") < 0);
    }

    [Fact]
    public void ScaledTo_DefaultRig_KeepsOrderAndScalesEveryCamera()
    {
        CameraRig scaled = DefaultRig.Load().ScaledTo(640, 480);

        Assert.Equal(ExpectedOrder, scaled.Cameras.Select(c => c.Name));
        Assert.All(scaled.Cameras, c => Assert.Equal((640, 480), (c.Intrinsics.WidthPx, c.Intrinsics.HeightPx)));
    }
}

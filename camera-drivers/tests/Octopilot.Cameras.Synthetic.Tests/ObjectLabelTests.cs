using Octopilot.Cameras.Synthetic.Tests.Infrastructure;
using Octopilot.Core.Labels;

namespace Octopilot.Cameras.Synthetic.Tests;

/// <summary>The object list agrees with the class, instance and depth maps and with the world.</summary>
public class ObjectLabelTests
{
    public static IEnumerable<object[]> Cameras() =>
        TestFiles.DefaultRig.Cameras.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Cameras))]
    public void Objects_DefaultScenario_MatchInstanceMapBoxesCountsAndDepths(string cameraName)
    {
        var world = new HighwayWorld(TestFiles.DefaultScenario);
        HighwayRenderer renderer = Scenes.Renderer(cameraName, 384, 288, world);
        LabelBuffer labels = renderer.CreateLabelBuffer();
        renderer.Render(1_500_000_000, new byte[renderer.FrameBytes], labels);

        Assert.True(labels.ObjectCount > 0, $"{cameraName} sees no vehicle in the default scenario");
        var seenIds = new HashSet<int>();
        for (int i = 0; i < labels.InstanceMap.Length; i++)
        {
            if (labels.InstanceMap[i] != 0)
            {
                seenIds.Add(labels.InstanceMap[i]);
            }
        }

        Assert.Equal(seenIds.Order(), labels.Objects.ToArray().Select(o => o.ObjectId).Order());
        foreach (ObjectLabel o in labels.Objects)
        {
            int count = 0, minU = int.MaxValue, maxU = -1, minV = int.MaxValue, maxV = -1;
            float minDepth = float.MaxValue;
            for (int i = 0; i < labels.InstanceMap.Length; i++)
            {
                if (labels.InstanceMap[i] != o.ObjectId)
                {
                    continue;
                }

                Assert.Equal((byte)LabelClass.Vehicle, labels.ClassMap[i]);
                count++;
                (minU, maxU) = (Math.Min(minU, i % 384), Math.Max(maxU, i % 384));
                (minV, maxV) = (Math.Min(minV, i / 384), Math.Max(maxV, i / 384));
                minDepth = Math.Min(minDepth, labels.DepthM[i]);
            }

            Assert.Equal(LabelClass.Vehicle, o.Class);
            Assert.Equal((count, minU, maxU, minV, maxV), (o.VisiblePixelCount, o.MinUPx, o.MaxUPx, o.MinVPx, o.MaxVPx));
            Assert.Equal(minDepth, o.MinDepthM);
            Assert.Equal(0, o.GroundCentreEgoM.Z);
        }
    }

    [Fact]
    public void Objects_LeadVehicleAhead_GroundCentreIsItsEgoFramePosition()
    {
        var world = new HighwayWorld(Scenes.Scenario(Scenes.StraightRoad, Scenes.Car(9, 1, 30, 25)));
        HighwayRenderer renderer = Scenes.Renderer("main_forward", 384, 288, world);
        LabelBuffer labels = renderer.CreateLabelBuffer();
        renderer.Render(2_000_000_000, new byte[renderer.FrameBytes], labels);

        ObjectLabel lead = Assert.Single(labels.Objects.ToArray());
        Assert.Equal(9, lead.ObjectId);
        Assert.Equal(30 + ((25 - 27) * 2.0), lead.GroundCentreEgoM.X, 9);
        Assert.Equal(0, lead.GroundCentreEgoM.Y, 9);
        Assert.Equal(0, lead.HeadingEgoRad, 9);
        // The nearest visible point is the rear face: 26 − 2.3 m ahead of the rear axle, minus the camera's 1.9 m (pitched 1°).
        Assert.InRange(lead.MinDepthM, 26 - 2.3 - 1.9 - 0.1, 26 - 2.3 - 1.9 + 0.05);
    }

    [Fact]
    public void Objects_VehicleBehindEgo_NotListedForForwardCamera()
    {
        var world = new HighwayWorld(Scenes.Scenario(Scenes.StraightRoad, Scenes.Car(3, 1, -30)));
        HighwayRenderer renderer = Scenes.Renderer("main_forward", 384, 288, world);
        LabelBuffer labels = renderer.CreateLabelBuffer();
        renderer.Render(0, new byte[renderer.FrameBytes], labels);

        Assert.Equal(0, labels.ObjectCount);
        Assert.DoesNotContain((byte)LabelClass.Vehicle, labels.ClassMap.ToArray());
    }
}

using Octopilot.Cameras.Synthetic.Tests.Infrastructure;

namespace Octopilot.Cameras.Synthetic.Tests;

/// <summary>Time moves the world: traffic by its relative speed, the asphalt texture under the moving ego.</summary>
public class MotionTests
{
    [Fact]
    public void Render_LaterTime_SlowerLeadComesCloserAndImageChanges()
    {
        var world = new HighwayWorld(Scenes.Scenario(Scenes.StraightRoad, Scenes.Car(1, 1, 40, 22)));
        HighwayRenderer renderer = Scenes.Renderer("main_forward", 384, 288, world);
        var rgb0 = new byte[renderer.FrameBytes];
        var rgb1 = new byte[renderer.FrameBytes];
        LabelBuffer labels = renderer.CreateLabelBuffer();

        renderer.Render(0, rgb0, labels);
        ObjectLabel before = labels.Objects[0];
        renderer.Render(1_000_000_000, rgb1, labels);
        ObjectLabel after = labels.Objects[0];

        Assert.Equal(before.GroundCentreEgoM.X - 5, after.GroundCentreEgoM.X, 9);
        Assert.True(after.VisiblePixelCount > before.VisiblePixelCount, "a closer car must look bigger");
        Assert.True(after.MaxVPx > before.MaxVPx, "a closer car's bottom must move down the image");
        Assert.NotEqual(rgb0, rgb1);
    }

    [Fact]
    public void Render_EgoMovesWithoutTraffic_RoadTextureChanges()
    {
        var world = new HighwayWorld(Scenes.Scenario(Scenes.StraightRoad));
        HighwayRenderer renderer = Scenes.Renderer("main_forward", 384, 288, world);
        var rgb0 = new byte[renderer.FrameBytes];
        var rgb1 = new byte[renderer.FrameBytes];

        renderer.Render(0, rgb0, null);
        renderer.Render(66_666_667, rgb1, null);

        int changed = 0;
        for (int i = 0; i < rgb0.Length; i++)
        {
            changed += rgb0[i] != rgb1[i] ? 1 : 0;
        }

        Assert.True(changed > rgb0.Length / 20, $"only {changed} bytes changed after 1.8 m of driving");
    }
}

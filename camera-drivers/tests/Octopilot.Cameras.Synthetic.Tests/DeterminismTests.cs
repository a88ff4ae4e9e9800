using Octopilot.Cameras.Synthetic.Tests.Infrastructure;

namespace Octopilot.Cameras.Synthetic.Tests;

/// <summary>Same scenario, seed and time give the same bytes, whoever renders them and whatever was rendered before.</summary>
public class DeterminismTests
{
    [Theory]
    [InlineData("main_forward")]
    [InlineData("wide_forward")]
    [InlineData("rear")]
    public void Render_SameScenarioSeedAndTime_IdenticalImageAndLabels(string cameraName)
    {
        (byte[] rgbA, byte[] classA, float[] depthA) = RenderFresh(cameraName, TestFiles.DefaultScenario, 3_210_000_000, warmUpAtNs: null);
        (byte[] rgbB, byte[] classB, float[] depthB) = RenderFresh(cameraName, TestFiles.DefaultScenario, 3_210_000_000, warmUpAtNs: 9_000_000_000);

        Assert.Equal(rgbA, rgbB);
        Assert.Equal(classA, classB);
        Assert.Equal(depthA, depthB);
    }

    [Fact]
    public void Render_DifferentSeed_DifferentTextureSameLabels()
    {
        HighwayScenario other = TestFiles.DefaultScenario with { Seed = TestFiles.DefaultScenario.Seed + 1 };
        (byte[] rgbA, byte[] classA, _) = RenderFresh("main_forward", TestFiles.DefaultScenario, 1_000_000_000, null);
        (byte[] rgbB, byte[] classB, _) = RenderFresh("main_forward", other, 1_000_000_000, null);

        Assert.NotEqual(rgbA, rgbB);
        Assert.Equal(classA, classB);
    }

    private static (byte[] Rgb, byte[] Classes, float[] Depth) RenderFresh(string cameraName, HighwayScenario scenario, long simTimeNs, long? warmUpAtNs)
    {
        HighwayRenderer renderer = Scenes.Renderer(cameraName, 384, 288, new HighwayWorld(scenario));
        var rgb = new byte[renderer.FrameBytes];
        LabelBuffer labels = renderer.CreateLabelBuffer();
        if (warmUpAtNs is long warmUp)
        {
            renderer.Render(warmUp, rgb, labels);
        }

        renderer.Render(simTimeNs, rgb, labels);
        return (rgb, labels.ClassMap.ToArray(), labels.DepthM.ToArray());
    }
}

using Octopilot.Cameras.Synthetic.Tests.Infrastructure;
using Octopilot.Core.Labels;
using Octopilot.Core.Frames;

namespace Octopilot.Cameras.Synthetic.Tests;

/// <summary>Every pixel's colour is what its label says: the maps come from the same hit test as the image.</summary>
public class LabelImageConsistencyTests
{
    private const long SimTimeNs = 4_000_000_000;

    public static IEnumerable<object[]> Cameras() =>
        TestFiles.DefaultRig.Cameras.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Cameras))]
    public void ClassMap_DefaultScenario_AgreesWithPixelColours(string cameraName)
    {
        var world = new HighwayWorld(TestFiles.DefaultScenario);
        HighwayRenderer renderer = Scenes.Renderer(cameraName, 384, 288, world);
        var rgb = new byte[renderer.FrameBytes];
        LabelBuffer labels = renderer.CreateLabelBuffer();
        renderer.Render(SimTimeNs, rgb, labels);
        var colorById = world.Scenario.Vehicles.ToDictionary(v => v.Id, v => v.Color);

        int exactMarkings = 0, markings = 0;
        for (int i = 0; i < labels.ClassMap.Length; i++)
        {
            byte r = rgb[3 * i], g = rgb[(3 * i) + 1], b = rgb[(3 * i) + 2];
            var label = (LabelClass)labels.ClassMap[i];
            ushort id = labels.InstanceMap[i];
            string at = $"pixel {i % 384},{i / 384} ({r},{g},{b}) labelled {label}";
            Assert.True((label == LabelClass.Vehicle) == (id != 0), at + $" has instance {id}");
            Assert.True((label == LabelClass.Sky) == (labels.DepthM[i] == 0), at + $" has depth {labels.DepthM[i]}");
            switch (label)
            {
                case LabelClass.Sky:
                    Assert.True(b >= 200 && b > r + 20, at);
                    break;
                case LabelClass.Road:
                    // Asphalt is grey with a blue tint of 4 levels, texture adds the same to every channel; shadows scale it.
                    Assert.True(r == g && b - r >= 0 && b - r <= 4 && r <= 92 + 12, at);
                    break;
                case LabelClass.LaneMarking or LabelClass.SolidLaneMarking:
                    markings++;
                    exactMarkings += r == 236 && g == 236 && b == 228 ? 1 : 0;
                    Assert.True(r == g && b <= r && r >= 236 * 0.45 - 1, at);
                    break;
                case LabelClass.OffRoad:
                    Assert.True(r != g && (g > r || r - b >= 10), at);
                    break;
                case LabelClass.Vehicle:
                    AssertShadedFrom(colorById[id], r, g, b, at);
                    break;
                default:
                    Assert.Fail(at);
                    break;
            }
        }

        Assert.True(markings == 0 || exactMarkings * 10 >= markings * 9, $"{exactMarkings} of {markings} marking pixels are the marking colour");
    }

    /// <summary>A Lambert-shaded face is the base colour times one factor in [ambient, 1], rounded per channel.</summary>
    private static void AssertShadedFrom(Rgb24Color color, byte r, byte g, byte b, string at)
    {
        byte maxBase = Math.Max(color.R, Math.Max(color.G, color.B));
        double light = (maxBase == color.R ? r : maxBase == color.G ? g : b) / (double)maxBase;
        Assert.True(light >= 0.4 - 0.01 && light <= 1.0 + 1e-9, at + $" light {light}");
        Assert.True(Math.Abs(r - (color.R * light)) <= 1.5 && Math.Abs(g - (color.G * light)) <= 1.5 && Math.Abs(b - (color.B * light)) <= 1.5,
            at + $" is not {color} shaded by {light}");
    }
}

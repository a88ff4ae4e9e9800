using Octopilot.Host.Snapshots;
using Octopilot.Core.Frames;

namespace Octopilot.Host.Tests.Snapshots;

public class LabelColorizerPaletteTests
{
    [Theory]
    [InlineData(0, 70, 130, 180)] // Sky
    [InlineData(1, 107, 142, 35)] // OffRoad
    [InlineData(2, 128, 64, 128)] // Road
    [InlineData(3, 255, 255, 255)] // LaneMarking
    [InlineData(4, 0, 0, 142)] // Vehicle
    [InlineData(5, 250, 170, 30)] // SolidLaneMarking (#12)
    [InlineData(6, 255, 0, 255)] // first value past the classes
    [InlineData(255, 255, 0, 255)]
    public void Colorize_Class_GetsDocumentedColour(byte labelClass, byte r, byte g, byte b)
    {
        byte[] rgb = LabelColorizer.Colorize([labelClass]);

        Assert.Equal(new byte[] { r, g, b }, rgb);
        Assert.Equal(new Rgb24Color(r, g, b), LabelColorizer.ColorOf(labelClass));
    }

    [Fact]
    public void Colorize_Map_ColoursEveryPixelInPlace()
    {
        byte[] classMap = [LabelColorizer.Sky, LabelColorizer.Road, LabelColorizer.Vehicle, LabelColorizer.LaneMarking];
        var rgb = new byte[12];

        LabelColorizer.Colorize(classMap, rgb);

        Assert.Equal(new byte[] { 70, 130, 180, 128, 64, 128, 0, 0, 142, 255, 255, 255 }, rgb);
    }

    [Fact]
    public void Colorize_ClassColours_AreAllDistinct()
    {
        var colours = Enumerable.Range(0, 6).Select(c => LabelColorizer.ColorOf((byte)c)).Append(LabelColorizer.BoxColor).ToList();

        Assert.Equal(colours.Count, colours.Distinct().Count());
    }

    [Fact]
    public void Colorize_DestinationWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => LabelColorizer.Colorize(new byte[4], new byte[11]));
    }
}

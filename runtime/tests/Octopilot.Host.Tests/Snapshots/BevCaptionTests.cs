using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Tracking;
using Octopilot.Host.Snapshots;

namespace Octopilot.Host.Tests.Snapshots;

public class BevCaptionTests
{
    [Fact]
    public void Sanitize_LowerCaseAndPunctuation_UpperCaseAndQuestionMarks()
    {
        Assert.Equal("SET 12? T?3.5 S\nNEXT", BevCaption.Sanitize("Set 12, t=3.5\ts\nnext"));
    }

    [Fact]
    public void Wrap_LongText_CutsAtSpacesWithinTheWidth()
    {
        List<string> rows = BevCaption.Wrap("lanes 3 ego 1 tracks 12\nabcdefghijkl", 10);

        Assert.Equal(["LANES 3", "EGO 1", "TRACKS 12", "ABCDEFGHIJ", "KL"], rows);
    }

    [Fact]
    public void LayOutLegend_EightCamerasIn26Columns_WrapsTheLastOntoASecondRow()
    {
        var entries = new (int Row, int Column)[8];

        int rows = BevCaption.LayOutLegend(8, 26, entries);

        Assert.Equal(2, rows);
        Assert.Equal((0, 4), entries[0]);
        Assert.Equal((0, 22), entries[6]);
        Assert.Equal((1, 0), entries[7]);
    }

    [Fact]
    public void Summary_LanesAndTracks_CountsConfirmedSeparately()
    {
        ObjectTrack[] tracks =
        [
            new() { Id = 1, State = TrackState.Confirmed },
            new() { Id = 2, State = TrackState.Tentative },
            new() { Id = 3, State = TrackState.Deleted },
        ];

        Assert.Equal("LANES 2 EGO 1 W 3.50 M CONF 0.75 TRACKS 2 CONFIRMED 1", BevCaption.Summary(2, 1, 3.5, 0.75, tracks));
        Assert.Equal("LANES NONE TRACKS 0 CONFIRMED 0", BevCaption.Summary(0, -1, 0, 0, []));
    }

    [Fact]
    public void Render_CaptionCase_SameBarOtherTextDifferentBar()
    {
        var layers = new BevLayers(BevTestScene.Grid);

        byte[] lower = CaptionBar(BevPngWriter.Render(layers, BevTestScene.Table, [], -1, [], "abc"));
        byte[] upper = CaptionBar(BevPngWriter.Render(layers, BevTestScene.Table, [], -1, [], "ABC"));
        byte[] other = CaptionBar(BevPngWriter.Render(layers, BevTestScene.Table, [], -1, [], "XYZ"));

        Assert.Equal(lower, upper);
        Assert.NotEqual(lower, other);
    }

    [Fact]
    public void Render_Legend_HasASwatchInEachCameraColour()
    {
        BevCanvas canvas = BevPngWriter.Render(new BevLayers(BevTestScene.Grid), BevTestScene.Table, [], -1, [], "x");
        byte[] bar = CaptionBar(canvas);

        for (int camera = 0; camera < BevTestScene.Table.CameraCount; camera++)
        {
            var color = BevPalette.Camera(camera);
            bool found = false;
            for (int i = 0; i + 2 < bar.Length && !found; i += 3)
            {
                found = bar[i] == color.R && bar[i + 1] == color.G && bar[i + 2] == color.B;
            }

            Assert.True(found, $"no swatch of camera {camera} {color} in the caption bar");
        }
    }

    private static byte[] CaptionBar(BevCanvas canvas) =>
        canvas.Rgb24.AsSpan(0, canvas.Layout.CaptionHeightPx * canvas.Layout.WidthPx * 3).ToArray();
}

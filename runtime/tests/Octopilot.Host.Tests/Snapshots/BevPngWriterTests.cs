using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Lanes;
using Octopilot.Fusion.Tracking;
using Octopilot.Host.Snapshots;
using Octopilot.Host.Tests.Infrastructure;

namespace Octopilot.Host.Tests.Snapshots;

/// <summary>
/// One scene with known content, written to PNG and decoded by the test reader: each test looks up the pixel of one
/// ego point and checks its colour, so a flipped axis, a wrong scale or a missing layer fails.
/// </summary>
public sealed class BevPngWriterTests : IDisposable
{
    private static readonly (byte, byte, byte) Unknown = (28, 28, 28);
    private static readonly (byte, byte, byte) Asphalt = (120, 120, 120);
    private static readonly (byte, byte, byte) OffRoad = (38, 56, 26);
    private static readonly (byte, byte, byte) White = (255, 255, 255);
    private static readonly (byte, byte, byte) EgoLaneYellow = (255, 215, 0);
    private static readonly (byte, byte, byte) LaneCyan = (0, 190, 255);
    private static readonly (byte, byte, byte) EgoBlue = (40, 110, 255);
    private static readonly (byte, byte, byte) ObjectOrange = (255, 128, 0);
    private static readonly (byte, byte, byte) VelocityRed = (255, 48, 48);

    // Boundaries left to right: a lane left of the ego lane, then the ego lane (index 1) 3.5 m wide around y = 0.
    private static readonly LaneBoundary[] Boundaries =
    [
        Straight(5.25, 0, 60),
        Straight(1.75, -10, 60),
        Straight(-1.75, -10, 60),
    ];

    private readonly TempFolder _folder = new();
    private readonly BevLayers _layers = new(BevTestScene.Grid);
    private readonly (double XM, double YM) _drivable;
    private readonly (double XM, double YM) _offRoad;
    private readonly (double XM, double YM) _marking;
    private readonly (double XM, double YM) _unknown;

    public BevPngWriterTests()
    {
        _drivable = BevTestScene.InteriorCellNear(25, -10);
        _offRoad = BevTestScene.InteriorCellNear(25, -15);
        _marking = BevTestScene.InteriorCellNear(-30, 8);
        _unknown = BevTestScene.InteriorCellNear(60, 12);
        BevTestScene.SetCell(_layers, _drivable.XM, _drivable.YM, drivable: 1, lanes: 0);
        BevTestScene.SetCell(_layers, _offRoad.XM, _offRoad.YM, drivable: 0, lanes: 0);
        BevTestScene.SetCell(_layers, _marking.XM, _marking.YM, drivable: 1, lanes: 1);
    }

    private static ObjectTrack[] Tracks =>
    [
        new() { Id = 7, State = TrackState.Confirmed, XM = 30, YM = 0, VxMps = 20, LengthM = 4.5, WidthM = 1.8, RelativeVxMps = 10 },
        new() { Id = 8, State = TrackState.Tentative, XM = -20, YM = 3.5, VxMps = 25, LengthM = 4.5, WidthM = 1.8, RelativeVxMps = 0 },
        new() { Id = 9, State = TrackState.Deleted, XM = 50, YM = -3.5, VxMps = 25, LengthM = 4.5, WidthM = 1.8 },
    ];

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Write_KnownDrivableCell_IsAsphaltGrey()
    {
        (PngImage image, BevPictureLayout layout) = WriteAndDecode();

        Assert.Equal(Asphalt, PixelAt(image, layout, _drivable));
    }

    [Fact]
    public void Write_KnownNotDrivableCell_IsOffRoadOlive()
    {
        (PngImage image, BevPictureLayout layout) = WriteAndDecode();

        Assert.Equal(OffRoad, PixelAt(image, layout, _offRoad));
    }

    [Fact]
    public void Write_UnknownCell_IsDarkGrey()
    {
        (PngImage image, BevPictureLayout layout) = WriteAndDecode();

        Assert.Equal(Unknown, PixelAt(image, layout, _unknown));
    }

    [Fact]
    public void Write_LaneMarkingCell_IsWhite()
    {
        (PngImage image, BevPictureLayout layout) = WriteAndDecode();

        Assert.Equal(White, PixelAt(image, layout, _marking));
    }

    [Fact]
    public void Write_EgoLaneBoundaries_YellowOtherBoundaryCyan()
    {
        (PngImage image, BevPictureLayout layout) = WriteAndDecode();

        Assert.Equal(EgoLaneYellow, PixelAt(image, layout, (20, 1.75)));
        Assert.Equal(EgoLaneYellow, PixelAt(image, layout, (20, -1.75)));
        Assert.Equal(LaneCyan, PixelAt(image, layout, (20, 5.25)));
    }

    [Fact]
    public void Write_LaneBoundary_NotDrawnBeyondItsSupport()
    {
        (PngImage image, BevPictureLayout layout) = WriteAndDecode();

        Assert.NotEqual(EgoLaneYellow, PixelAt(image, layout, (80, 1.75)));
        Assert.NotEqual(LaneCyan, PixelAt(image, layout, (-5, 5.25)));
    }

    [Fact]
    public void Write_EgoVehicle_BlueOverItsBodyOnly()
    {
        (PngImage image, BevPictureLayout layout) = WriteAndDecode();

        Assert.Equal(EgoBlue, PixelAt(image, layout, (0, 0)));
        Assert.Equal(EgoBlue, PixelAt(image, layout, (3.8, 0.8)));
        Assert.NotEqual(EgoBlue, PixelAt(image, layout, (-1.5, 0)));
        Assert.NotEqual(EgoBlue, PixelAt(image, layout, (1.5, 1.2)));
    }

    [Fact]
    public void Write_ConfirmedTrack_FilledOrangeRectangleOfItsSize()
    {
        (PngImage image, BevPictureLayout layout) = WriteAndDecode();

        Assert.Equal(ObjectOrange, PixelAt(image, layout, (30, -0.3)));
        Assert.Equal(ObjectOrange, PixelAt(image, layout, (32.1, 0.8)));
        Assert.NotEqual(ObjectOrange, PixelAt(image, layout, (33, -0.3))); // past its 4.5 m length
    }

    [Fact]
    public void Write_TentativeTrack_OutlinedNotFilled()
    {
        (PngImage image, BevPictureLayout layout) = WriteAndDecode();

        Assert.NotEqual(ObjectOrange, PixelAt(image, layout, (-20, 3.5)));
        (int x, int y) = layout.PixelOf(-20, 3.5 + 0.9 - 0.1); // just inside the left side
        Assert.Equal(ObjectOrange, image.Pixel(x, y));
    }

    [Fact]
    public void Write_DeletedTrack_NotDrawn()
    {
        (PngImage image, BevPictureLayout layout) = WriteAndDecode();

        Assert.NotEqual(ObjectOrange, PixelAt(image, layout, (50, -3.5)));
    }

    [Fact]
    public void Write_ConfirmedTrack_RedArrowOfOneSecondOfRelativeMotion()
    {
        (PngImage image, BevPictureLayout layout) = WriteAndDecode();

        // 10 m/s relative along x: the shaft runs from the centre (30 m) to 40 m; the rectangle ends at 32.25 m.
        Assert.Equal(VelocityRed, image.Pixel(layout.PixelOf(36, 0).X, layout.PixelOf(36, 0).Y));
        Assert.NotEqual(VelocityRed, PixelAt(image, layout, (42, 0)));
    }

    [Fact]
    public void Write_Decoded_EqualsRenderedPixels()
    {
        (PngImage image, BevPictureLayout layout) = WriteAndDecode();

        BevCanvas rendered = Render("snapshot");
        Assert.Equal((layout.WidthPx, layout.HeightPx), (image.WidthPx, image.HeightPx));
        Assert.Equal(rendered.Rgb24, image.Rgb24);
    }

    [Fact]
    public void Write_LaneEstimate_DrawsItsEgoLaneYellow()
    {
        var lanes = new LaneEstimate(4);
        Boundaries.CopyTo(lanes.BoundariesForWrite);
        lanes.Commit(Boundaries.Length, -10, 60);
        string path = Path.Combine(_folder.Path, "estimate.png");

        BevPngWriter.Write(path, _layers, BevTestScene.Table, lanes, Tracks, "estimate");

        PngImage image = PngImage.Decode(File.ReadAllBytes(path));
        BevPictureLayout layout = LayoutFor(image);
        Assert.Equal(1, lanes.EgoLaneIndex);
        Assert.Equal(EgoLaneYellow, PixelAt(image, layout, (20, -1.75)));
        Assert.Equal(LaneCyan, PixelAt(image, layout, (20, 5.25)));
    }

    [Fact]
    public void Write_DashedBoundaryFromTheSolidLinesHead_DrawnWithGapsSolidOneWithout()
    {
        // The ego lane: left boundary solid, right dashed, both decided by the solid_lines head.
        LaneBoundary[] boundaries =
        [
            new(1.75, 0, 0, 0, -10, 60, 40, 0.05, isDashed: false, markingSource: LaneMarkingSource.SolidLinesHead, meanSolidProbability: 0.9),
            new(-1.75, 0, 0, 0, -10, 60, 40, 0.05, isDashed: true, markingSource: LaneMarkingSource.SolidLinesHead, meanSolidProbability: 0.1),
        ];
        string path = Path.Combine(_folder.Path, "marking.png");

        BevPngWriter.Write(path, _layers, BevTestScene.Table, boundaries, 0, Tracks, "marking");

        PngImage image = PngImage.Decode(File.ReadAllBytes(path));
        BevPictureLayout layout = LayoutFor(image);
        double gapXM = 1.5 * BevPngWriter.DashM, dashXM = 2.5 * BevPngWriter.DashM; // dash k drawn when k is even
        Assert.Equal(EgoLaneYellow, PixelAt(image, layout, (dashXM, -1.75)));
        Assert.NotEqual(EgoLaneYellow, PixelAt(image, layout, (gapXM, -1.75)));
        Assert.Equal(EgoLaneYellow, PixelAt(image, layout, (gapXM, 1.75)));
        Assert.Equal(EgoLaneYellow, PixelAt(image, layout, (dashXM, 1.75)));
    }

    [Fact]
    public void Render_LayersOnAnotherGrid_Throws()
    {
        var layers = new BevLayers(new BevGridOptions { XMinM = -20 });

        Assert.Throws<ArgumentException>(() => BevPngWriter.Render(layers, BevTestScene.Table, Boundaries, 1, Tracks, "x"));
    }

    private static LaneBoundary Straight(double yM, double fromM, double toM) =>
        new(yM, 0, 0, 0, fromM, toM, supportSlices: 40, rmsResidualM: 0.05, isDashed: false);

    private static (byte, byte, byte) PixelAt(PngImage image, BevPictureLayout layout, (double XM, double YM) point)
    {
        (int x, int y) = layout.PixelOf(point.XM, point.YM);
        return image.Pixel(x, y);
    }

    private BevCanvas Render(string caption) => BevPngWriter.Render(_layers, BevTestScene.Table, Boundaries, 1, Tracks, caption);

    // The caption bar's height depends on the caption; the map below it does not.
    private static BevPictureLayout LayoutFor(PngImage image)
    {
        var layout = new BevPictureLayout(BevTestScene.Grid);
        for (int rows = 0; rows < 20; rows++)
        {
            BevPictureLayout candidate = layout.WithCaptionRows(rows);
            if (candidate.HeightPx == image.HeightPx)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"no caption height gives a {image.HeightPx} px tall picture");
    }

    private (PngImage Image, BevPictureLayout Layout) WriteAndDecode()
    {
        string path = Path.Combine(_folder.Path, "bev.png");
        BevPngWriter.Write(path, _layers, BevTestScene.Table, Boundaries, 1, Tracks, "snapshot");
        PngImage image = PngImage.Decode(File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_folder.Path));
        return (image, Render("snapshot").Layout);
    }
}

using Octopilot.Inference.ForeignHeads;
using Octopilot.Inference.Manifest;
using Octopilot.Inference.Perception;

namespace Octopilot.Inference.Tests.ForeignHeads;

/// <summary>
/// Box lists: every format × unit round trip through a letterbox fit, thresholds, class filter, each rejection reason,
/// clipping and the destination's capacity.
/// </summary>
public sealed class BoxListDecoderTests
{
    // 320x180 frame letterboxed into 128x128: scale 0.4, content 128x72, 28 px of padding above and below.
    private const int FrameW = 320, FrameH = 180, InputW = 128, InputH = 128;

    private static readonly FrameInputGeometry Geometry = new(FrameW, FrameH, InputW, InputH, ForeignHeadFixtures.Letterbox(FrameW, FrameH, InputW, InputH));

    /// <summary>Frame boxes (centre x, centre y, width, height), score, class: all inside the frame, scores distinct.</summary>
    private static readonly (double Cx, double Cy, double W, double H, float Score, int Class)[] FrameBoxes =
    [
        (40, 30, 20, 16, 0.55f, 0),
        (160, 90, 100, 60, 0.95f, 2),
        (300, 170, 30, 12, 0.7f, 1),
        (75.5, 120.25, 7.5, 33, 0.41f, 2),
    ];

    [Theory]
    [InlineData(BoxFormat.Xyxy, BoxUnits.Pixels)]
    [InlineData(BoxFormat.Xyxy, BoxUnits.Normalised)]
    [InlineData(BoxFormat.Cxcywh, BoxUnits.Pixels)]
    [InlineData(BoxFormat.Cxcywh, BoxUnits.Normalised)]
    public void Decode_EncodedThroughLetterbox_GivesFrameBoxesBestFirst(BoxFormat format, BoxUnits units)
    {
        (float[] boxes, float[] scores, float[] labels) = Encode(FrameBoxes, format, units);
        var decoder = new BoxListDecoder(Spec(format, units, 0.25f), FrameBoxes.Length, ClassFilter.All(3), Geometry);
        var detections = new Detection[8];

        DetectionDecodeResult result = decoder.Decode(boxes, scores, labels, detections);

        Assert.Equal(4, result.Written);
        var expected = FrameBoxes.OrderByDescending(b => b.Score).ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            Detection d = detections[i];
            Assert.Equal(expected[i].Score, d.Score);
            Assert.Equal(expected[i].Class, d.ClassIndex);
            Assert.Equal(PixelConvention.EdgeToCentre(expected[i].Cx), d.CenterUPx, 1e-3); // frame boxes in pixel edges, detections in centres
            Assert.Equal(PixelConvention.EdgeToCentre(expected[i].Cy), d.CenterVPx, 1e-3);
            Assert.Equal(expected[i].W, d.WidthPx, 1e-3);
            Assert.Equal(expected[i].H, d.HeightPx, 1e-3);
            Assert.Equal(ForeignDetection.UnknownDepthM, d.DepthM);
        }
    }

    [Fact]
    public void Decode_ScoresUnderThreshold_SkippedAndCounted()
    {
        (float[] boxes, float[] scores, float[] labels) = Encode(FrameBoxes, BoxFormat.Xyxy, BoxUnits.Pixels);
        var decoder = new BoxListDecoder(Spec(BoxFormat.Xyxy, BoxUnits.Pixels, 0.6f), FrameBoxes.Length, ClassFilter.All(3), Geometry);
        var detections = new Detection[8];

        DetectionDecodeResult result = decoder.Decode(boxes, scores, labels, detections);

        Assert.Equal(2, result.Written);
        Assert.Equal(2, result.BelowThreshold);
        Assert.Equal([0.95f, 0.7f], detections[..2].Select(d => d.Score));
        Assert.Equal(0, result.Rejected);
    }

    [Fact]
    public void Decode_ClassFilter_KeepsOnlyListedClasses()
    {
        (float[] boxes, float[] scores, float[] labels) = Encode(FrameBoxes, BoxFormat.Xyxy, BoxUnits.Pixels);
        var filter = ClassFilter.FromNames(["car", "person", "bike"], ["bike"]);
        var decoder = new BoxListDecoder(Spec(BoxFormat.Xyxy, BoxUnits.Pixels, 0.25f), FrameBoxes.Length, filter, Geometry);
        var detections = new Detection[8];

        DetectionDecodeResult result = decoder.Decode(boxes, scores, labels, detections);

        Assert.Equal(2, result.Written);
        Assert.Equal(2, result.FilteredByClass);
        Assert.All(detections[..2], d => Assert.Equal(2, d.ClassIndex));
    }

    [Fact]
    public void Decode_ImpossibleRows_DroppedEachUnderItsReason()
    {
        (double, double, double, double, float, int)[] rows = [.. FrameBoxes, .. FrameBoxes, .. FrameBoxes[..1]];
        (float[] boxes, float[] scores, float[] labels) = Encode(rows, BoxFormat.Xyxy, BoxUnits.Pixels);
        scores[0] = float.NaN; // non-finite score
        boxes[(1 * 4) + 2] = float.PositiveInfinity; // non-finite box
        labels[2] = float.NaN; // non-finite label
        (boxes[(3 * 4) + 0], boxes[(3 * 4) + 2]) = (boxes[(3 * 4) + 2], boxes[(3 * 4) + 0]); // x2 < x1
        labels[4] = 1.5f; // not an integer
        labels[5] = 3f; // class out of range
        labels[6] = -1f; // class out of range
        scores[7] = 1.25f; // not a probability
        var decoder = new BoxListDecoder(Spec(BoxFormat.Xyxy, BoxUnits.Pixels, 0.25f), rows.Length, ClassFilter.All(3), Geometry);
        var detections = new Detection[16];

        DetectionDecodeResult result = decoder.Decode(boxes, scores, labels, detections);

        Assert.Equal(3, result.NonFinite);
        Assert.Equal(1, result.NegativeSize);
        Assert.Equal(3, result.ClassOutOfRange);
        Assert.Equal(1, result.ScoreOutOfRange);
        Assert.Equal(8, result.Rejected);
        Assert.Equal(1, result.Written);
    }

    [Fact]
    public void Decode_CxcywhNegativeWidth_CountedAsNegativeSize()
    {
        var decoder = new BoxListDecoder(Spec(BoxFormat.Cxcywh, BoxUnits.Pixels, 0.25f), 1, ClassFilter.All(3), Geometry);

        DetectionDecodeResult result = decoder.Decode([64, 64, -4, 10], [0.9f], [0], new Detection[1]);

        Assert.Equal(1, result.NegativeSize);
        Assert.Equal(0, result.Written);
    }

    [Fact]
    public void Decode_BoxesInPadding_ClippedToFrameOrDroppedWhenNothingIsLeft()
    {
        // Input rows 0..28 are padding. Box A straddles the top of the content (input y 20..40); box B lies in padding only (input y 2..20).
        float[] boxes = [40, 20, 60, 40, 40, 2, 60, 20];
        var decoder = new BoxListDecoder(Spec(BoxFormat.Xyxy, BoxUnits.Pixels, 0.25f), 2, ClassFilter.All(3), Geometry);
        var detections = new Detection[2];

        DetectionDecodeResult result = decoder.Decode(boxes, [0.9f, 0.8f], [0, 0], detections);

        Assert.Equal(1, result.Written);
        Assert.Equal(1, result.EmptyAfterClip);
        // A: frame x 100..150, y (20−28)/0.4 = −20 → clipped to 0 .. (40−28)/0.4 = 30.
        Assert.Equal(PixelConvention.EdgeToCentre(125), detections[0].CenterUPx, 1e-3);
        Assert.Equal(50, detections[0].WidthPx, 1e-3);
        Assert.Equal(PixelConvention.EdgeToCentre(15), detections[0].CenterVPx, 1e-3);
        Assert.Equal(30, detections[0].HeightPx, 1e-3);
    }

    [Fact]
    public void Decode_MoreThanDestinationHolds_KeepsTheBestAndCountsTheRest()
    {
        (float[] boxes, float[] scores, float[] labels) = Encode(FrameBoxes, BoxFormat.Xyxy, BoxUnits.Pixels);
        var decoder = new BoxListDecoder(Spec(BoxFormat.Xyxy, BoxUnits.Pixels, 0.25f), FrameBoxes.Length, ClassFilter.All(3), Geometry);
        var detections = new Detection[2];

        DetectionDecodeResult result = decoder.Decode(boxes, scores, labels, detections);

        Assert.Equal(2, result.Written);
        Assert.Equal(2, result.OverCapacity);
        Assert.Equal([0.95f, 0.7f], detections.Select(d => d.Score));
    }

    [Fact]
    public void Decode_NoLabelsWithOneClass_EveryDetectionIsClassZero()
    {
        var spec = Spec(BoxFormat.Xyxy, BoxUnits.Pixels, 0.25f) with { Labels = null };
        var decoder = new BoxListDecoder(spec, 1, ClassFilter.All(1), Geometry);
        var detections = new Detection[1];

        DetectionDecodeResult result = decoder.Decode([40, 40, 60, 60], [0.9f], [], detections);

        Assert.Equal(1, result.Written);
        Assert.Equal(0, detections[0].ClassIndex);
    }

    [Fact]
    public void Constructor_NoLabelsWithSeveralClasses_Refused()
    {
        var spec = Spec(BoxFormat.Xyxy, BoxUnits.Pixels, 0.25f) with { Labels = null };
        var e = Assert.Throws<ArgumentException>(() => new BoxListDecoder(spec, 4, ClassFilter.All(3), Geometry));
        Assert.Contains("without labels and 3 classes", e.Message);
        Assert.Contains("exactly one class", e.Message);
    }

    [Fact]
    public void ClassFilter_UnknownName_RefusedListingTheClasses()
    {
        var e = Assert.Throws<ArgumentException>(() => ClassFilter.FromNames(["car", "person"], ["truck"]));
        Assert.Contains("'truck'", e.Message);
        Assert.Contains("car, person", e.Message);
    }

    internal static BoxListHeadSpec Spec(BoxFormat format, BoxUnits units, float threshold) =>
        new("boxes", "scores", "labels", format, units, threshold, []);

    /// <summary>Frame boxes → model-input boxes (through the letterbox) in the given format and units.</summary>
    private static (float[] Boxes, float[] Scores, float[] Labels) Encode(
        (double Cx, double Cy, double W, double H, float Score, int Class)[] frameBoxes, BoxFormat format, BoxUnits units)
    {
        InputFrameMapping m = Geometry.Mapping;
        var boxes = new float[frameBoxes.Length * 4];
        var scores = new float[frameBoxes.Length];
        var labels = new float[frameBoxes.Length];
        for (int i = 0; i < frameBoxes.Length; i++)
        {
            var b = frameBoxes[i];
            double x1 = m.ToInputX(b.Cx - (b.W / 2)), x2 = m.ToInputX(b.Cx + (b.W / 2));
            double y1 = m.ToInputY(b.Cy - (b.H / 2)), y2 = m.ToInputY(b.Cy + (b.H / 2));
            double[] values = format == BoxFormat.Xyxy ? [x1, y1, x2, y2] : [(x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1];
            if (units == BoxUnits.Normalised)
            {
                values = [values[0] / InputW, values[1] / InputH, values[2] / InputW, values[3] / InputH];
            }

            for (int k = 0; k < 4; k++)
            {
                boxes[(i * 4) + k] = (float)values[k];
            }

            scores[i] = b.Score;
            labels[i] = b.Class;
        }

        return (boxes, scores, labels);
    }
}

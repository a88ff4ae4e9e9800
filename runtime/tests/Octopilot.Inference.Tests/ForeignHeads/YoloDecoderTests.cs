using Octopilot.Inference.ForeignHeads;
using Octopilot.Inference.Perception;

namespace Octopilot.Inference.Tests.ForeignHeads;

/// <summary>
/// YOLOv5 decoding against outputs built like the Detect layer builds them (<see cref="YoloOutputBuilder"/>): planted
/// boxes come back, NMS, class filter, threshold, candidate cap, destination capacity, padding and non-finite rows.
/// </summary>
public sealed class YoloDecoderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decode_PlantedBoxesAtStrideAnchorCell_ComeBackInFramePixels(bool sigmoidApplied)
    {
        YoloOutputBuilder builder = YoloTestRig.Builder(sigmoidApplied);
        // (level, anchor, cell x, cell y, input cx, cy, w, h, objectness, class, class score): anchors > 0 and cells off
        // the diagonal, so a decoder with another row order reads other cells and anchors and gets other boxes.
        (int L, int A, int X, int Y, double Cx, double Cy, double W, double H, double Obj, int C, double Cls)[] planted =
        [
            (0, 2, 5, 3, 44.3, 27.9, 40, 30, 0.9, 1, 0.8),
            (1, 1, 2, 1, 40.7, 20.2, 70, 20, 0.85, 3, 0.9),
            (2, 0, 1, 1, 50, 40, 80, 30, 0.95, 0, 0.6),
            (0, 0, 10, 6, 83, 50, 12, 10, 0.7, 2, 0.7),
        ];
        foreach (var p in planted)
        {
            builder.Plant(p.L, p.A, p.X, p.Y, p.Cx, p.Cy, p.W, p.H, p.Obj, p.C, p.Cls);
        }

        float[] output = builder.Build();
        var detections = new Detection[16];

        DetectionDecodeResult result = YoloTestRig.Decoder(sigmoidApplied).Decode(output, detections);

        Assert.Equal(4, result.Written);
        Assert.Equal(0, result.Suppressed);
        Assert.Equal(YoloTestRig.Rows - 4, result.BelowThreshold);
        var expected = planted.OrderByDescending(p => p.Obj * p.Cls).ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            var e = expected[i];
            Detection d = detections[i];
            Assert.Equal(e.C, d.ClassIndex);
            Assert.Equal(e.Obj * e.Cls, d.Score, 1e-5);
            // Letterbox inverse: frame = (input − offset) / 0.5, offset (0, 8).
            Assert.Equal(PixelConvention.EdgeToCentre(e.Cx / 0.5), d.CenterUPx, 1e-3); // then pixel edges to centres
            Assert.Equal(PixelConvention.EdgeToCentre((e.Cy - 8) / 0.5), d.CenterVPx, 1e-3);
            Assert.Equal(e.W / 0.5, d.WidthPx, 1e-3);
            Assert.Equal(e.H / 0.5, d.HeightPx, 1e-3);
            Assert.Equal(ForeignDetection.UnknownDepthM, d.DepthM);
        }
    }

    [Fact]
    public void Decode_DecodedPixelRows_TakenAsBoxesInInputPixels()
    {
        var output = new float[YoloTestRig.Rows * 9];
        PlantDecoded(output, row: 17, cx: 30, cy: 30, w: 20, h: 10, obj: 0.9f, cls: 2, clsScore: 0.8f);
        PlantDecoded(output, row: 300, cx: 70, cy: 40, w: 8, h: 16, obj: 0.6f, cls: 0, clsScore: 0.9f);
        var decoder = new YoloDecoder(
            YoloTestRig.Spec(sigmoidApplied: true), [YoloTestRig.Rows, 9], ClassFilter.All(4), YoloTestRig.Geometry, YoloRowEncoding.DecodedPixels, 64);
        var detections = new Detection[4];

        DetectionDecodeResult result = decoder.Decode(output, detections);

        Assert.Equal(2, result.Written);
        Assert.Equal(new Detection(0.9f * 0.8f, 2, 59.5f, 43.5f, 40, 20, 0), detections[0]); // frame edges (60, 44) as centres
        Assert.Equal(new Detection(0.6f * 0.9f, 0, 139.5f, 63.5f, 16, 32, 0), detections[1]);
    }

    [Fact]
    public void Decode_OverlappingSameClass_SuppressedButOtherClassAndDistantBoxKept()
    {
        YoloOutputBuilder builder = YoloTestRig.Builder(sigmoidApplied: false);
        builder.Plant(0, 0, 3, 3, 28, 28, 20, 20, 0.9, 1, 0.9); // A, score 0.81
        builder.Plant(0, 0, 4, 3, 30, 28, 20, 20, 0.8, 1, 0.9); // B, IoU(A, B) = 360/440 = 0.82: suppressed
        builder.Plant(0, 2, 3, 3, 29, 28, 20, 20, 0.9, 2, 0.8); // C, overlaps A, other class: kept
        builder.Plant(0, 0, 9, 5, 76, 44, 20, 20, 0.7, 1, 0.9); // D, same class as A, far away: kept
        var detections = new Detection[8];

        DetectionDecodeResult result = YoloTestRig.Decoder(false).Decode(builder.Build(), detections);

        Assert.Equal(3, result.Written);
        Assert.Equal(1, result.Suppressed);
        Assert.Equal([(1, 0.81f), (2, 0.72f), (1, 0.63f)], detections[..3].Select(d => (d.ClassIndex, MathF.Round(d.Score, 4))));
        Assert.Equal(PixelConvention.EdgeToCentre(56), detections[0].CenterUPx, 1e-3);
    }

    [Fact]
    public void Decode_ClassFilter_DropsOtherClassesAfterTheBestClassIsChosen()
    {
        YoloOutputBuilder builder = YoloTestRig.Builder(sigmoidApplied: false);
        builder.Plant(0, 0, 2, 2, 20, 20, 10, 10, 0.9, 0, 0.9);
        builder.Plant(0, 0, 8, 2, 68, 20, 10, 10, 0.9, 1, 0.9);
        builder.Plant(0, 0, 8, 6, 68, 52, 10, 10, 0.9, 0, 0.9);
        var detections = new Detection[8];

        DetectionDecodeResult result = YoloTestRig.Decoder(false, ClassFilter.FromIndices(4, [1])).Decode(builder.Build(), detections);

        Assert.Equal(1, result.Written);
        Assert.Equal(2, result.FilteredByClass);
        Assert.Equal(1, detections[0].ClassIndex);
    }

    [Fact]
    public void Decode_RowWhoseBestClassIsFiltered_IsDroppedNotDemotedToAKeptClass()
    {
        // YOLOv5's non_max_suppression picks the best class first and filters after: class 0 (0.9) wins over class 1 (0.8).
        var output = new float[YoloTestRig.Rows * 9];
        PlantDecoded(output, row: 5, cx: 30, cy: 30, w: 20, h: 10, obj: 0.9f, cls: 0, clsScore: 0.9f);
        output[(5 * 9) + 5 + 1] = 0.8f;
        var decoder = new YoloDecoder(
            YoloTestRig.Spec(true), [YoloTestRig.Rows, 9], ClassFilter.FromIndices(4, [1]), YoloTestRig.Geometry, YoloRowEncoding.DecodedPixels, 64);

        DetectionDecodeResult result = decoder.Decode(output, new Detection[4]);

        Assert.Equal(0, result.Written);
        Assert.Equal(1, result.FilteredByClass);
    }

    [Fact]
    public void Decode_ScoreIsObjectnessTimesClass_ThresholdAppliesToTheProduct()
    {
        YoloOutputBuilder builder = YoloTestRig.Builder(sigmoidApplied: false);
        builder.Plant(0, 0, 2, 2, 20, 20, 10, 10, 0.5, 0, 0.6); // 0.30: kept
        builder.Plant(0, 0, 8, 2, 68, 20, 10, 10, 0.5, 1, 0.4); // 0.20: under 0.25 although objectness is 0.5
        var detections = new Detection[8];

        DetectionDecodeResult result = YoloTestRig.Decoder(false).Decode(builder.Build(), detections);

        Assert.Equal(1, result.Written);
        Assert.Equal(0.3f, detections[0].Score, 1e-5);
        Assert.Equal(YoloTestRig.Rows - 1, result.BelowThreshold);
    }

    [Fact]
    public void Decode_MoreCandidatesThanCap_KeepsTheBestAndCountsTheRest()
    {
        YoloOutputBuilder builder = YoloTestRig.Builder(sigmoidApplied: false);
        // Five separate boxes of one class, weakest in the earliest rows: a first-come buffer would keep the weakest.
        double[] scores = [0.3, 0.4, 0.5, 0.6, 0.7];
        for (int i = 0; i < scores.Length; i++)
        {
            builder.Plant(0, 0, 1 + (2 * i), 4, 12 + (16 * i), 36, 10, 10, scores[i], 0, 1 - 1e-6);
        }

        var detections = new Detection[8];

        DetectionDecodeResult result = YoloTestRig.Decoder(false, maxCandidates: 3).Decode(builder.Build(), detections);

        Assert.Equal(3, result.Written);
        Assert.Equal(2, result.OverCandidateCap);
        Assert.Equal([0.7f, 0.6f, 0.5f], detections[..3].Select(d => MathF.Round(d.Score, 4)));
    }

    [Fact]
    public void Decode_MoreKeptThanDestinationHolds_BestWrittenRestCounted()
    {
        YoloOutputBuilder builder = YoloTestRig.Builder(sigmoidApplied: true);
        for (int i = 0; i < 4; i++)
        {
            builder.Plant(0, 0, 1 + (3 * i), 4, 12 + (24 * i), 36, 10, 10, 0.5 + (0.1 * i), i, 0.99);
        }

        var detections = new Detection[2];

        DetectionDecodeResult result = YoloTestRig.Decoder(true).Decode(builder.Build(), detections);

        Assert.Equal(2, result.Written);
        Assert.Equal(2, result.OverCapacity);
        Assert.Equal([3, 2], detections.Select(d => d.ClassIndex));
    }

    [Fact]
    public void Decode_BoxInLetterboxPadding_DroppedAsEmptyAfterClip()
    {
        YoloOutputBuilder builder = YoloTestRig.Builder(sigmoidApplied: false);
        builder.Plant(0, 0, 5, 0, 44, 3, 10, 4, 0.9, 0, 0.9); // input y 1..5: padding only
        builder.Plant(0, 0, 5, 4, 44, 36, 10, 10, 0.9, 0, 0.8);
        var detections = new Detection[4];

        DetectionDecodeResult result = YoloTestRig.Decoder(false).Decode(builder.Build(), detections);

        Assert.Equal(1, result.Written);
        Assert.Equal(1, result.EmptyAfterClip);
        Assert.Equal(PixelConvention.EdgeToCentre(56), detections[0].CenterVPx, 1e-3);
    }

    [Fact]
    public void Decode_NonFiniteValues_RowDroppedAndCounted()
    {
        YoloOutputBuilder builder = YoloTestRig.Builder(sigmoidApplied: false);
        builder.Plant(0, 0, 2, 2, 20, 20, 10, 10, 0.9, 0, 0.9);
        builder.SetRaw(0, 0, 2, 2, 5 + 3, float.NaN); // a class score of a candidate row
        builder.SetRaw(1, 1, 0, 0, 4, float.PositiveInfinity); // the objectness of a background row
        builder.Plant(0, 0, 8, 2, 68, 20, 10, 10, 0.9, 1, 0.9);

        DetectionDecodeResult result = YoloTestRig.Decoder(false).Decode(builder.Build(), new Detection[4]);

        Assert.Equal(2, result.NonFinite);
        Assert.Equal(1, result.Written);
    }

    private static void PlantDecoded(float[] output, int row, float cx, float cy, float w, float h, float obj, int cls, float clsScore)
    {
        Span<float> values = output.AsSpan(row * 9, 9);
        (values[0], values[1], values[2], values[3], values[4]) = (cx, cy, w, h, obj);
        values[5 + cls] = clsScore;
    }
}

using Octopilot.Inference.ForeignModel;
using Octopilot.Inference.Perception;

namespace Octopilot.Inference.Tests.ForeignModel;

/// <summary>Range for foreign detections: depth-map median, else class size prior, else the ground contact; the source recorded.</summary>
public sealed class DetectionRangeRefinerTests
{
    private const int MapW = 40, MapH = 30, Stride = 8, FrameH = 240;

    private static readonly (double HeightM, double LengthM)[] Heights = ClassSizePriors.For(["car", "Traffic_Cone", "pedestrian"]);

    [Fact]
    public void ClassSizePriors_MatchByNameAndContainment_UnknownIsNaN()
    {
        Assert.Equal((1.7, 4.6), Heights[0]);
        Assert.True(double.IsNaN(Heights[1].HeightM) && double.IsNaN(Heights[1].LengthM));
        Assert.Equal((1.7, 0.5), Heights[2]);
        Assert.Equal((3.0, 7.0), ClassSizePriors.Lookup("Truck"));
        Assert.Equal((1.7, 4.6), ClassSizePriors.Lookup("passenger_car"));
    }

    [Fact]
    public void Refine_WithDepthMap_TakesTheMedianUnderTheBoxsLowerMiddleIgnoringInvalidCells()
    {
        var map = new float[MapW * MapH];
        Array.Fill(map, 80f); // road and sky around the box: far
        // Box centre (160, 120), 64x48 px: sampled region u 144..176, v 120..144 → cells i 18..21, j 15..17 (12 cells).
        float[] values = [20, 21, 22, 23, 24, 25, 26, 0, 0, 27, 28, 29];
        int n = 0;
        for (int j = 15; j <= 17; j++)
        {
            for (int i = 18; i <= 21; i++)
            {
                map[(j * MapW) + i] = values[n++];
            }
        }

        var refiner = new DetectionRangeRefiner(Heights, [1000.0], FrameH);
        Detection[] detections = [new(0.9f, 0, 160, 120, 64, 48, 0)];

        refiner.Refine(detections, 0, map, MapW, MapH, Stride);

        Assert.Equal(RangeSource.DepthMap, detections[0].Range);
        Assert.Equal(24.5f, detections[0].DepthM); // median of the 10 valid values 20..29
    }

    [Fact]
    public void Refine_WithoutDepthMap_UsesFocalTimesClassHeightOverBoxHeightPlusHalfTheLength()
    {
        var refiner = new DetectionRangeRefiner(Heights, [1000.0, 500.0], FrameH);
        Detection[] detections = [new(0.9f, 0, 100, 100, 40, 30, 0), new(0.9f, 2, 100, 100, 10, 34, 0)];

        refiner.Refine(detections, 1, ReadOnlySpan<float>.Empty, MapW, MapH, Stride);

        Assert.Equal((500 * 1.7 / 30) + 2.3, detections[0].DepthM, 1e-4);
        Assert.Equal((500 * 1.7 / 34) + 0.25, detections[1].DepthM, 1e-4);
        Assert.All(detections, d => Assert.Equal(RangeSource.SizePrior, d.Range));
    }

    [Fact]
    public void Refine_NoPriorNoFocalOrCutBox_LeavesTheGroundContact()
    {
        var refiner = new DetectionRangeRefiner(Heights, [1000.0], FrameH);
        Detection[] detections =
        [
            new(0.9f, 1, 100, 100, 20, 20, 0),   // traffic cone: no prior
            new(0.9f, 0, 100, 225, 40, 30, 0),   // bottom edge at 240: cut by the frame
            new(0.9f, 0, 100, 14, 40, 30, 0),    // top edge at −1: cut
        ];

        refiner.Refine(detections, 0, ReadOnlySpan<float>.Empty, MapW, MapH, Stride);
        var unknownFocal = new DetectionRangeRefiner(Heights, [], FrameH);
        Detection[] noFocal = [new(0.9f, 0, 100, 100, 40, 30, 0)];
        unknownFocal.Refine(noFocal, 0, ReadOnlySpan<float>.Empty, MapW, MapH, Stride);

        Assert.All(detections.Concat(noFocal), d => Assert.Equal((RangeSource.GroundContact, 0f), (d.Range, d.DepthM)));
    }

    [Fact]
    public void Refine_DepthMapAllInvalidUnderTheBox_FallsBackToTheSizePrior()
    {
        var map = new float[MapW * MapH]; // all 0 = invalid
        var refiner = new DetectionRangeRefiner(Heights, [1000.0], FrameH);
        Detection[] detections = [new(0.9f, 0, 160, 120, 64, 50, 0)];

        refiner.Refine(detections, 0, map, MapW, MapH, Stride);

        Assert.Equal(RangeSource.SizePrior, detections[0].Range);
        Assert.Equal((1000 * 1.7 / 50) + 2.3, detections[0].DepthM, 1e-4);
    }

    [Fact]
    public void Refine_ModelRangedDetection_IsNotOverridden()
    {
        var map = new float[MapW * MapH];
        Array.Fill(map, 50f);
        var refiner = new DetectionRangeRefiner(Heights, [1000.0], FrameH);
        Detection[] detections = [new(0.9f, 0, 160, 120, 64, 48, 12f, RangeSource.ObjectDepth)];

        refiner.Refine(detections, 0, map, MapW, MapH, Stride);

        Assert.Equal((RangeSource.ObjectDepth, 12f), (detections[0].Range, detections[0].DepthM));
    }
}

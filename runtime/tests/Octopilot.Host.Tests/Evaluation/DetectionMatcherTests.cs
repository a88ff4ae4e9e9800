using Octopilot.Host.Evaluation;

namespace Octopilot.Host.Tests.Evaluation;

public sealed class DetectionMatcherTests
{
    [Fact]
    public void Iou_InclusiveLabelBox_UsesPixelCentres()
    {
        // Label pixels 0..9 x 0..9 = [-0.5,9.5) x [-0.5,9.5) (pixel k's centre at k, as a detection's); the detection
        // [4.5,14.5) x [-0.5,9.5): overlap 50, union 150.
        PixelBox label = PixelBox.FromInclusive(0, 0, 9, 9);
        PixelBox detection = PixelBox.FromCentre(9.5, 4.5, 10, 10);

        Assert.Equal(100, label.Area);
        Assert.Equal(1.0 / 3.0, label.Iou(detection), 12);
        Assert.Equal(1.0, label.Iou(PixelBox.FromCentre(4.5, 4.5, 10, 10)), 12);
        Assert.Equal(90.25 / 109.75, label.Iou(PixelBox.FromCentre(5, 5, 10, 10)), 12); // the pixel-edge centre: half a pixel off both ways
    }

    [Fact]
    public void Match_DetectionOverlapsTwoLabels_TakesTheHighestIou()
    {
        PixelBox[] labels = [PixelBox.FromInclusive(0, 0, 9, 9), PixelBox.FromInclusive(2, 0, 11, 9)];
        PixelBox[] detections = [PixelBox.FromCentre(6.5, 4.5, 10, 10)]; // [1.5,11.5): IoU 0.667 with label 0, 1.0 with label 1

        int[] labelOf = DetectionMatcher.Match(labels, detections, [0.9f]);

        Assert.Equal([1], labelOf);
    }

    [Fact]
    public void Match_TwoDetectionsOneLabel_HigherScoreWinsOtherUnmatched()
    {
        PixelBox[] labels = [PixelBox.FromInclusive(0, 0, 9, 9)];
        PixelBox[] detections = [PixelBox.FromCentre(4.5, 4.5, 10, 10), PixelBox.FromCentre(5.5, 4.5, 10, 10)];

        // The second (worse IoU) has the higher score: greedy by score gives it the label.
        int[] labelOf = DetectionMatcher.Match(labels, detections, [0.4f, 0.8f]);

        Assert.Equal([-1, 0], labelOf);
    }

    [Fact]
    public void Match_IouBelowHalf_NoMatch()
    {
        PixelBox[] labels = [PixelBox.FromInclusive(0, 0, 9, 9)];
        PixelBox[] detections = [PixelBox.FromCentre(9.5, 4.5, 10, 10)]; // IoU 1/3

        Assert.Equal([-1], DetectionMatcher.Match(labels, detections, [0.9f]));
    }

    [Fact]
    public void Match_IouExactlyHalf_Matches()
    {
        // Label [-0.5,9.5) x [-0.5,9.5); detection [-0.5,9.5) x [-0.5,19.5): overlap 100, union 200.
        PixelBox[] labels = [PixelBox.FromInclusive(0, 0, 9, 9)];
        PixelBox[] detections = [new PixelBox(-0.5, -0.5, 9.5, 19.5)];

        Assert.Equal([0], DetectionMatcher.Match(labels, detections, [0.9f]));
    }
}

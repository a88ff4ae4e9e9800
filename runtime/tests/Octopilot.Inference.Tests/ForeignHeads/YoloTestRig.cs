using Octopilot.Inference.ForeignHeads;
using Octopilot.Inference.Manifest;

namespace Octopilot.Inference.Tests.ForeignHeads;

/// <summary>
/// The YOLO tests' model: a 96x64 input (not square, so x/y mix-ups show), strides 8/16/32 with 3, 2 and 1 anchors (so
/// anchor-count mix-ups show), 4 classes; a 192x96 frame letterboxed into it (scale 0.5, 8 px of padding above and below).
/// </summary>
internal static class YoloTestRig
{
    public const int InputW = 96, InputH = 64, FrameW = 192, FrameH = 96, Classes = 4;

    /// <summary>12·8·3 + 6·4·2 + 3·2·1.</summary>
    public const int Rows = 342;

    public static readonly int[] Strides = [8, 16, 32];

    public static readonly (float W, float H)[][] Anchors =
    [
        [(10, 13), (16, 30), (33, 23)],
        [(30, 61), (62, 45)],
        [(116, 90)],
    ];

    public static FrameInputGeometry Geometry { get; } =
        new(FrameW, FrameH, InputW, InputH, ForeignHeadFixtures.Letterbox(FrameW, FrameH, InputW, InputH));

    public static YoloHeadSpec Spec(bool sigmoidApplied, float scoreThreshold = 0.25f, float iouThreshold = 0.45f, (float W, float H)[][]? anchors = null) =>
        new("output0", Strides, (anchors ?? Anchors).Select(a => (IReadOnlyList<(float, float)>)a).ToArray(), sigmoidApplied, scoreThreshold, iouThreshold, []);

    public static YoloOutputBuilder Builder(bool sigmoidApplied) => new(InputW, InputH, Strides, Anchors, Classes, sigmoidApplied);

    public static YoloDecoder Decoder(bool sigmoidApplied, ClassFilter? filter = null, float scoreThreshold = 0.25f, int maxCandidates = YoloDecoder.DefaultMaxCandidates) =>
        new(Spec(sigmoidApplied, scoreThreshold), [Rows, 5 + Classes], filter ?? ClassFilter.All(Classes), Geometry, maxCandidates);
}

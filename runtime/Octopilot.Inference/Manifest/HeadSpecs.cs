using Octopilot.Inference.Engine;
using Octopilot.Inference.Perception;

namespace Octopilot.Inference.Manifest;

/// <summary>One model output (or output group) and how to read it; the subtypes are the manifest's head types.</summary>
public abstract record HeadSpec(string Type);

/// <summary>
/// A class map: output [N, C, h, w] (<see cref="Layout"/> NCHW) or [N, h, w, C], at any resolution; the runtime takes
/// channel <see cref="Channel"/> after <see cref="Activation"/> as the probability of <see cref="Target"/>.
/// </summary>
public sealed record SegmentationHeadSpec(
    string Output, SegmentationTarget Target, string TargetName, SegmentationActivation Activation, int Channel, TensorLayout Layout)
    : HeadSpec("segmentation");

/// <summary>
/// An already-decoded detection list: boxes [N, K, 4], scores [N, K], optional class labels [N, K] (integers, or absent
/// with a single class), in <see cref="Format"/> and <see cref="Units"/> of the model input.
/// </summary>
public sealed record BoxListHeadSpec(
    string Boxes, string Scores, string? Labels, BoxFormat Format, BoxUnits Units, float ScoreThreshold, IReadOnlyList<string> ClassFilter)
    : HeadSpec("boxes");

/// <summary>
/// A YOLO-family anchor grid: output [N, R, 5 + classes] with R = Σ_s (H/s)(W/s)·anchors(s), rows ordered stride by stride,
/// then anchor, then cell row y, then cell column x (YOLOv5's export order: <c>Detect.forward</c> views each level as
/// [bs, na, no, ny, nx], permutes to [bs, na, ny, nx, no] and flattens); columns x, y, w, h, objectness, class scores. Decoding as
/// YOLOv5: xy = (2σ(t) − 0.5 + cell)·s, wh = (2σ(t))²·anchor; with <see cref="SigmoidApplied"/> the σ is already in the
/// graph. Then class filter, score = objectness·class score ≥ threshold, per-class NMS.
/// </summary>
public sealed record YoloHeadSpec(
    string Output,
    IReadOnlyList<int> Strides,
    IReadOnlyList<IReadOnlyList<(float WidthPx, float HeightPx)>> Anchors,
    bool SigmoidApplied,
    float ScoreThreshold,
    float NmsIouThreshold,
    IReadOnlyList<string> ClassFilter)
    : HeadSpec("yolo")
{
    /// <summary>Source: YOLOv5 detect.py defaults.</summary>
    public const float DefaultScoreThreshold = 0.25f, DefaultNmsIouThreshold = 0.45f;
}

/// <summary>A depth map [N, 1, h, w] or [N, h, w] at any resolution; <see cref="Encoding"/> says what a value means.</summary>
public sealed record DepthHeadSpec(string Output, DepthEncoding Encoding, float Scale) : HeadSpec("depth");

/// <summary>
/// The contract HydraNet's object head (onnx/CONTRACT.md): [N, K, 7] rows of score, class, u, v, w, h (input pixels) and
/// depth (metres). Not a manifest head type: only <see cref="ContractManifest"/> makes it, so the contract model runs
/// through the same engine, decoders and fusion as foreign models.
/// </summary>
public sealed record ContractObjectsHeadSpec(
    string Output, float ScoreThreshold, ObjectRangePolicy ObjectRange = ObjectRangePolicy.ModelDepth, float NmsIou = DetectionOverlapSuppression.Off)
    : HeadSpec("contractObjects");

using Octopilot.Inference.Manifest;
using Octopilot.Inference.Perception;

namespace Octopilot.Inference.ForeignHeads;

/// <summary>
/// Decodes one image's YOLOv5-family anchor-grid output [R, 5 + classes] into runtime <see cref="Detection"/>s in
/// camera-frame pixels.
/// <para>
/// Row order, as YOLOv5's Detect layer makes it (ultralytics/yolov5 <c>models/yolo.py</c>, <c>Detect.forward</c>):
/// per level i the conv output [bs, na·no, ny, nx] is viewed as <c>(bs, na, no, ny, nx)</c>, permuted to
/// <c>(bs, na, ny, nx, no)</c> and flattened with <c>view(bs, -1, no)</c>; the levels are concatenated in stride order.
/// So the rows run stride by stride, then ANCHOR, then cell row y, then cell column x:
/// row = Σ_{l &lt; i} A_l·(H/s_l)(W/s_l) + a·(H/s_i)(W/s_i) + y·(W/s_i) + x. Anchor-major within a level, not cell-major.
/// </para>
/// <para>
/// Per row (YOLOv5 <c>Detect</c> + <c>non_max_suppression</c>): obj = σ(t₄) (already σ unless <see cref="YoloRowEncoding.Logits"/>);
/// obj under the threshold → skipped (the score is at most obj); best class = first maximum of the class scores (before
/// the class filter, as YOLOv5 does); score = obj·σ(best) ≥ threshold; class kept by the filter; box
/// xy = (2σ(t) − 0.5 + cell)·stride, wh = (2σ(t))²·anchor (anchors in input pixels), or taken as is for
/// <see cref="YoloRowEncoding.DecodedPixels"/>. Candidates go to a fixed buffer of <see cref="MaxCandidates"/> that keeps
/// the best when more pass (counted); then per-class greedy NMS best first (a box is suppressed by a kept box of its class
/// with IoU &gt; the NMS threshold, like torchvision's nms), then the inverse fit and a clip to the frame.
/// <see cref="Detection.DepthM"/> is <see cref="ForeignDetection.UnknownDepthM"/>.
/// </para>
/// Allocation-free per decode; not thread-safe (one candidate buffer).
/// </summary>
public sealed partial class YoloDecoder
{
    /// <summary>
    /// Candidate cap when none is given: bounds the O(n²) NMS to ~0.5 M IoU tests on the inference thread. An engineering
    /// bound, not a YOLOv5 value (its <c>max_nms</c> is 30000, sized for a GPU); a scene over the cap keeps its best 1024.
    /// </summary>
    public const int DefaultMaxCandidates = 1024;

    private const int BoxFields = 5;

    private readonly FrameInputGeometry _geometry;
    private readonly ClassFilter _classes;
    private readonly YoloRowEncoding _encoding;
    private readonly float _scoreThreshold;
    private readonly float _nmsIouThreshold;
    private readonly int _columns;
    private readonly Level[] _levels;
    private readonly float[] _anchorWidthPx;
    private readonly float[] _anchorHeightPx;
    private readonly DetectionCandidate[] _candidates;
    private readonly bool[] _suppressed;

    /// <summary>A plan whose encoding comes from the spec (<see cref="YoloHeadSpec.SigmoidApplied"/>: Sigmoid, else Logits).</summary>
    public YoloDecoder(YoloHeadSpec spec, ReadOnlySpan<int> outputShape, ClassFilter classes, FrameInputGeometry geometry, int maxCandidates = DefaultMaxCandidates)
        : this(spec, outputShape, classes, geometry, spec.SigmoidApplied ? YoloRowEncoding.Sigmoid : YoloRowEncoding.Logits, maxCandidates)
    {
    }

    /// <param name="spec">Strides, anchors per stride (input pixels), thresholds (its class filter names are resolved by the caller into <paramref name="classes"/>).</param>
    /// <param name="outputShape">The output's shape for one image (batch axis dropped): [R, 5 + classes].</param>
    /// <param name="classes">The model's class count and which classes to keep.</param>
    /// <param name="geometry">Frame, model input and the mapping between them.</param>
    /// <param name="encoding">What the row values are.</param>
    /// <param name="maxCandidates">Most rows that enter NMS; the best are kept when more pass the threshold.</param>
    public YoloDecoder(
        YoloHeadSpec spec, ReadOnlySpan<int> outputShape, ClassFilter classes, FrameInputGeometry geometry, YoloRowEncoding encoding, int maxCandidates)
    {
        FrameInputGeometry.ThrowIfDefault(geometry, nameof(geometry));
        if (outputShape.Length != 2 || outputShape[0] <= 0 || outputShape[1] <= 0)
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(outputShape), $"yolo output '{spec.Output}' shape {ForeignHeadThrowHelper.Dims(outputShape)}",
                "one image's output is [R, 5 + classes] with both > 0; drop the batch axis and resolve symbolic dims");
        }

        if (outputShape[1] != BoxFields + classes.ClassCount)
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(outputShape), ForeignHeadThrowHelper.Format($"yolo output '{spec.Output}' has {outputShape[1]} columns with {classes.ClassCount} classes"),
                ForeignHeadThrowHelper.Format($"columns must be 5 + classes = {BoxFields + classes.ClassCount} (x, y, w, h, objectness, one score per class)"));
        }

        if (spec.Anchors.Count != spec.Strides.Count)
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(spec), ForeignHeadThrowHelper.Format($"yolo output '{spec.Output}' has {spec.Strides.Count} strides and {spec.Anchors.Count} anchor lists"),
                "there must be one anchor list per stride");
        }

        var strides = new int[spec.Strides.Count];
        var anchorsPerStride = new int[spec.Strides.Count];
        for (int i = 0; i < strides.Length; i++)
        {
            strides[i] = spec.Strides[i];
            anchorsPerStride[i] = spec.Anchors[i].Count;
        }

        long expectedRows = ExpectedRows(strides, anchorsPerStride, geometry.InputWidthPx, geometry.InputHeightPx);
        if (outputShape[0] != expectedRows)
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(outputShape),
                ForeignHeadThrowHelper.Format(
                    $"yolo output '{spec.Output}' has R = {outputShape[0]} rows but strides {ForeignHeadThrowHelper.Dims(strides)} with anchors per stride {ForeignHeadThrowHelper.Dims(anchorsPerStride)} over a {geometry.InputWidthPx}x{geometry.InputHeightPx} input give {expectedRows}"),
                "R must be Σ_s (H/s)(W/s)·anchors(s); check the anchor count per stride and the input size");
        }

        if (!(spec.ScoreThreshold >= 0 && spec.ScoreThreshold <= 1) || !(spec.NmsIouThreshold >= 0 && spec.NmsIouThreshold <= 1))
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(spec), ForeignHeadThrowHelper.Format($"yolo output '{spec.Output}' score threshold {spec.ScoreThreshold}, NMS IoU threshold {spec.NmsIouThreshold}"),
                "both thresholds must be in [0, 1]");
        }

        if (maxCandidates <= 0)
        {
            ForeignHeadThrowHelper.ThrowPlan(nameof(maxCandidates), ForeignHeadThrowHelper.Format($"max candidates {maxCandidates}"), "the candidate cap must be > 0");
        }

        _levels = new Level[strides.Length];
        _anchorWidthPx = new float[anchorsPerStride.Sum()];
        _anchorHeightPx = new float[_anchorWidthPx.Length];
        for (int i = 0, anchor = 0; i < strides.Length; i++)
        {
            _levels[i] = new Level(strides[i], geometry.InputWidthPx / strides[i], geometry.InputHeightPx / strides[i], anchor, anchorsPerStride[i]);
            foreach ((float widthPx, float heightPx) in spec.Anchors[i])
            {
                if (!(float.IsFinite(widthPx) && widthPx > 0 && float.IsFinite(heightPx) && heightPx > 0))
                {
                    ForeignHeadThrowHelper.ThrowPlan(
                        nameof(spec), ForeignHeadThrowHelper.Format($"yolo output '{spec.Output}' anchor ({widthPx}, {heightPx}) at stride {strides[i]}"),
                        "anchor sizes must be finite and > 0 (model-input pixels)");
                }

                (_anchorWidthPx[anchor], _anchorHeightPx[anchor]) = (widthPx, heightPx);
                anchor++;
            }
        }

        _geometry = geometry;
        _classes = classes;
        _encoding = encoding;
        _scoreThreshold = spec.ScoreThreshold;
        _nmsIouThreshold = spec.NmsIouThreshold;
        _columns = outputShape[1];
        Rows = outputShape[0];
        MaxCandidates = maxCandidates;
        _candidates = new DetectionCandidate[maxCandidates];
        _suppressed = new bool[maxCandidates];
    }

    /// <summary>R: rows per image.</summary>
    public int Rows { get; }

    /// <summary>Values of one image's output: slice image b as <c>output.Slice(b·ElementsPerImage, ElementsPerImage)</c>.</summary>
    public int ElementsPerImage => Rows * _columns;

    public int MaxCandidates { get; }

    /// <summary>
    /// R = Σ_s (H/s)(W/s)·A_s, the rows a YOLOv5-style head has for an input of <paramref name="inputWidthPx"/> ×
    /// <paramref name="inputHeightPx"/>. Throws <see cref="ArgumentException"/> when the lists differ in length, are
    /// empty, a stride is ≤ 0 or does not divide both input sides, or an anchor count is ≤ 0.
    /// </summary>
    public static long ExpectedRows(ReadOnlySpan<int> strides, ReadOnlySpan<int> anchorsPerStride, int inputWidthPx, int inputHeightPx)
    {
        if (strides.IsEmpty || strides.Length != anchorsPerStride.Length)
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(strides), ForeignHeadThrowHelper.Format($"strides {ForeignHeadThrowHelper.Dims(strides)} and anchors per stride {ForeignHeadThrowHelper.Dims(anchorsPerStride)}"),
                "there must be at least one stride and one anchor count per stride");
        }

        long rows = 0;
        for (int i = 0; i < strides.Length; i++)
        {
            int stride = strides[i];
            if (stride <= 0 || inputWidthPx <= 0 || inputHeightPx <= 0 || inputWidthPx % stride != 0 || inputHeightPx % stride != 0)
            {
                ForeignHeadThrowHelper.ThrowPlan(
                    nameof(strides), ForeignHeadThrowHelper.Format($"stride {stride} with a {inputWidthPx}x{inputHeightPx} input"),
                    "every stride must be > 0 and divide the input width and height (YOLO grids are input/stride cells)");
            }

            if (anchorsPerStride[i] <= 0)
            {
                ForeignHeadThrowHelper.ThrowPlan(
                    nameof(anchorsPerStride), ForeignHeadThrowHelper.Format($"{anchorsPerStride[i]} anchors at stride {stride}"), "every stride needs at least one anchor");
            }

            rows += (long)(inputWidthPx / stride) * (inputHeightPx / stride) * anchorsPerStride[i];
        }

        return rows;
    }

    /// <summary>Decodes one image's output into <paramref name="destination"/> (its length is the most detections kept), best first.</summary>
    public DetectionDecodeResult Decode(ReadOnlySpan<float> output, Span<Detection> destination)
    {
        if (output.Length != ElementsPerImage)
        {
            ForeignHeadThrowHelper.ThrowSpanLength(nameof(output), nameof(YoloDecoder), output.Length, ElementsPerImage, "R·(5 + classes) of one image");
        }

        var tally = default(Tally);
        int count = 0;
        int row = 0;
        foreach (Level level in _levels)
        {
            // Anchor-major within a level: YOLOv5's (na, ny, nx, no) flattening.
            for (int anchor = level.FirstAnchor; anchor < level.FirstAnchor + level.Anchors; anchor++)
            {
                for (int cellY = 0; cellY < level.GridHeight; cellY++)
                {
                    for (int cellX = 0; cellX < level.GridWidth; cellX++, row++)
                    {
                        if (TryScoreRow(output.Slice(row * _columns, _columns), level.Stride, cellX, cellY, anchor, row, ref tally, out DetectionCandidate candidate))
                        {
                            Offer(candidate, ref count, ref tally);
                        }
                    }
                }
            }
        }

        return SuppressAndWrite(count, destination, ref tally);
    }

    private bool TryScoreRow(
        ReadOnlySpan<float> values, int stride, int cellX, int cellY, int anchor, int row, ref Tally tally, out DetectionCandidate candidate)
    {
        candidate = default;
        float objectness = values[4];
        if (!float.IsFinite(objectness))
        {
            tally.NonFinite++;
            return false;
        }

        objectness = _encoding == YoloRowEncoding.Logits ? SegmentationDecoder.Sigmoid(objectness) : objectness;
        if (objectness < _scoreThreshold)
        {
            tally.BelowThreshold++;
            return false;
        }

        int best = 0;
        float bestValue = float.NegativeInfinity;
        bool finite = float.IsFinite(values[0]) && float.IsFinite(values[1]) && float.IsFinite(values[2]) && float.IsFinite(values[3]);
        ReadOnlySpan<float> classScores = values[BoxFields..];
        for (int c = 0; c < classScores.Length; c++)
        {
            float v = classScores[c];
            finite &= float.IsFinite(v);
            if (v > bestValue)
            {
                (best, bestValue) = (c, v);
            }
        }

        if (!finite)
        {
            tally.NonFinite++;
            return false;
        }

        float score = objectness * (_encoding == YoloRowEncoding.Logits ? SegmentationDecoder.Sigmoid(bestValue) : bestValue);
        if (score < _scoreThreshold)
        {
            tally.BelowThreshold++;
            return false;
        }

        if (score > 1)
        {
            tally.ScoreOutOfRange++;
            return false;
        }

        if (!_classes.Allows(best))
        {
            tally.FilteredByClass++;
            return false;
        }

        float centreX, centreY, width, height;
        if (_encoding == YoloRowEncoding.DecodedPixels)
        {
            (centreX, centreY, width, height) = (values[0], values[1], values[2], values[3]);
        }
        else
        {
            bool logits = _encoding == YoloRowEncoding.Logits;
            float sx = logits ? SegmentationDecoder.Sigmoid(values[0]) : values[0];
            float sy = logits ? SegmentationDecoder.Sigmoid(values[1]) : values[1];
            float sw = logits ? SegmentationDecoder.Sigmoid(values[2]) : values[2];
            float sh = logits ? SegmentationDecoder.Sigmoid(values[3]) : values[3];
            centreX = ((2f * sx) - 0.5f + cellX) * stride;
            centreY = ((2f * sy) - 0.5f + cellY) * stride;
            width = 4f * sw * sw * _anchorWidthPx[anchor];
            height = 4f * sh * sh * _anchorHeightPx[anchor];
        }

        if (width < 0 || height < 0)
        {
            tally.NegativeSize++;
            return false;
        }

        candidate = new DetectionCandidate(
            score, best, row, centreX - (width * 0.5f), centreY - (height * 0.5f), centreX + (width * 0.5f), centreY + (height * 0.5f));
        return true;
    }

    /// <summary>One stride level of the plan: its grid and its anchors' range in the flattened anchor tables.</summary>
    private readonly record struct Level(int Stride, int GridWidth, int GridHeight, int FirstAnchor, int Anchors);

    /// <summary>Per-decode counts, kept on the stack.</summary>
    private struct Tally
    {
        public int NonFinite;
        public int BelowThreshold;
        public int ScoreOutOfRange;
        public int FilteredByClass;
        public int NegativeSize;
        public int OverCandidateCap;
        public int Suppressed;
        public int EmptyAfterClip;
        public int OverCapacity;
    }
}

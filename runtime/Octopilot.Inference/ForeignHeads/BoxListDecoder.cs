using Octopilot.Inference.Manifest;
using Octopilot.Inference.Perception;

namespace Octopilot.Inference.ForeignHeads;

/// <summary>
/// Turns one image's already-decoded detection list (boxes [K, 4], scores [K], optional labels [K] as float-encoded
/// integers) into runtime <see cref="Detection"/>s in camera-frame pixels. Per row, in this order: non-finite score →
/// dropped; score under the threshold → skipped; score above 1 → dropped; label not finite / not an integer class index
/// → dropped; class not kept by the filter → skipped; box values not finite or of negative size → dropped. Survivors are
/// sorted best first (score, then row), mapped through the inverse fit, clipped to the frame (dropped when nothing is
/// left) and written until the destination is full. Every drop is counted in <see cref="DetectionDecodeResult"/>.
/// <see cref="Detection.DepthM"/> is <see cref="ForeignDetection.UnknownDepthM"/>. No NMS: a box list is already final.
/// Allocation-free per decode; not thread-safe (one candidate buffer).
/// </summary>
public sealed class BoxListDecoder
{
    private readonly FrameInputGeometry _geometry;
    private readonly ClassFilter _classes;
    private readonly BoxFormat _format;
    private readonly float _scaleX;
    private readonly float _scaleY;
    private readonly float _scoreThreshold;
    private readonly DetectionCandidate[] _candidates;

    /// <param name="spec">The head: format, units, threshold (its class filter names are resolved by the caller into <paramref name="classes"/>).</param>
    /// <param name="boxCount">K, rows per image.</param>
    /// <param name="classes">The model's class count and which classes to keep (<see cref="ClassFilter.FromNames"/> with the spec's filter).</param>
    /// <param name="geometry">Frame, model input and the mapping between them.</param>
    public BoxListDecoder(BoxListHeadSpec spec, int boxCount, ClassFilter classes, FrameInputGeometry geometry)
    {
        FrameInputGeometry.ThrowIfDefault(geometry, nameof(geometry));
        if (boxCount <= 0)
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(boxCount), ForeignHeadThrowHelper.Format($"box list '{spec.Boxes}' with K = {boxCount}"), "K (rows per image) must be > 0; resolve symbolic dims first");
        }

        if (!(spec.ScoreThreshold >= 0 && spec.ScoreThreshold <= 1))
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(spec), ForeignHeadThrowHelper.Format($"box list '{spec.Boxes}' score threshold {spec.ScoreThreshold}"), "the threshold must be in [0, 1]");
        }

        if (spec.Labels is null && classes.ClassCount != 1)
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(classes), ForeignHeadThrowHelper.Format($"box list '{spec.Boxes}' without labels and {classes.ClassCount} classes"),
                "a box list without a labels output must have exactly one class");
        }

        _geometry = geometry;
        _classes = classes;
        _format = spec.Format;
        (_scaleX, _scaleY) = spec.Units == BoxUnits.Normalised ? (geometry.InputWidthPx, geometry.InputHeightPx) : (1f, 1f);
        _scoreThreshold = spec.ScoreThreshold;
        HasLabels = spec.Labels is not null;
        BoxCount = boxCount;
        _candidates = new DetectionCandidate[boxCount];
    }

    /// <summary>K: rows per image. Slices of image b: boxes at 4·K·b (4·K values), scores and labels at K·b (K values).</summary>
    public int BoxCount { get; }

    public bool HasLabels { get; }

    /// <summary>
    /// Decodes one image's rows into <paramref name="destination"/> (its length is the most detections kept). Pass
    /// <paramref name="labels"/> empty when the head has none.
    /// </summary>
    public DetectionDecodeResult Decode(ReadOnlySpan<float> boxes, ReadOnlySpan<float> scores, ReadOnlySpan<float> labels, Span<Detection> destination)
    {
        if (boxes.Length != 4 * BoxCount)
        {
            ForeignHeadThrowHelper.ThrowSpanLength(nameof(boxes), nameof(BoxListDecoder), boxes.Length, 4 * BoxCount, "4·K of one image");
        }

        if (scores.Length != BoxCount)
        {
            ForeignHeadThrowHelper.ThrowSpanLength(nameof(scores), nameof(BoxListDecoder), scores.Length, BoxCount, "K of one image");
        }

        if (labels.Length != (HasLabels ? BoxCount : 0))
        {
            ForeignHeadThrowHelper.ThrowSpanLength(nameof(labels), nameof(BoxListDecoder), labels.Length, HasLabels ? BoxCount : 0, "K labels, or none when the head has no labels output");
        }

        int count = 0, nonFinite = 0, below = 0, scoreRange = 0, classRange = 0, filtered = 0, negative = 0;
        for (int row = 0; row < BoxCount; row++)
        {
            float score = scores[row];
            if (!float.IsFinite(score))
            {
                nonFinite++;
                continue;
            }

            if (score < _scoreThreshold)
            {
                below++;
                continue;
            }

            if (score > 1)
            {
                scoreRange++;
                continue;
            }

            int classIndex = 0;
            if (HasLabels)
            {
                float label = labels[row];
                if (!float.IsFinite(label))
                {
                    nonFinite++;
                    continue;
                }

                classIndex = (int)label;
                if (classIndex != label || (uint)classIndex >= (uint)_classes.ClassCount)
                {
                    classRange++;
                    continue;
                }
            }

            if (!_classes.Allows(classIndex))
            {
                filtered++;
                continue;
            }

            ReadOnlySpan<float> box = boxes.Slice(row * 4, 4);
            float a = box[0] * _scaleX, b = box[1] * _scaleY, c = box[2] * _scaleX, d = box[3] * _scaleY;
            if (!(float.IsFinite(a) && float.IsFinite(b) && float.IsFinite(c) && float.IsFinite(d)))
            {
                nonFinite++;
                continue;
            }

            (float x1, float y1, float x2, float y2) = _format == BoxFormat.Xyxy
                ? (a, b, c, d)
                : (a - (c * 0.5f), b - (d * 0.5f), a + (c * 0.5f), b + (d * 0.5f));
            if (x2 < x1 || y2 < y1)
            {
                negative++;
                continue;
            }

            _candidates[count++] = new DetectionCandidate(score, classIndex, row, x1, y1, x2, y2);
        }

        Span<DetectionCandidate> candidates = _candidates.AsSpan(0, count);
        candidates.Sort();
        int written = 0, empty = 0, overCapacity = 0;
        foreach (DetectionCandidate candidate in candidates)
        {
            if (!ForeignDetection.TryToFrame(
                    _geometry, candidate.Score, candidate.ClassIndex, candidate.X1, candidate.Y1, candidate.X2, candidate.Y2, out Detection detection))
            {
                empty++;
            }
            else if (written < destination.Length)
            {
                destination[written++] = detection;
            }
            else
            {
                overCapacity++;
            }
        }

        return new DetectionDecodeResult
        {
            Written = written, NonFinite = nonFinite, BelowThreshold = below, ScoreOutOfRange = scoreRange, ClassOutOfRange = classRange,
            FilteredByClass = filtered, NegativeSize = negative, EmptyAfterClip = empty, OverCapacity = overCapacity,
        };
    }
}

using Octopilot.Inference.Contract;
using Octopilot.Inference.Engine;
using Octopilot.Inference.Manifest;
using Octopilot.Inference.Perception;

namespace Octopilot.Inference.ForeignHeads;

/// <summary>
/// The contract HydraNet's object rows (score, class, u, v, w, h in model-input pixels, depth in metres) for frames of
/// another size than the model input: the same checks as the contract engine's decoder (score in [threshold, 1], an
/// integral class in range, sizes and depth ≥ 0, every value finite), then the box mapped back through the fit. Depth is
/// camera z and does not change with the image scale; the range source is <see cref="RangeSource.ObjectDepth"/>, or
/// none (<see cref="RangeSource.GroundContact"/>, depth 0) under <see cref="ObjectRangePolicy.GroundContact"/>; duplicates
/// suppressed (<see cref="DetectionOverlapSuppression"/>, the spec's IoU).
/// Allocation-free; stateless after construction.
/// </summary>
public sealed class ContractObjectDecoder
{
    private readonly FrameInputGeometry _geometry;
    private readonly float _scoreThreshold;
    private readonly int _classCount;
    private readonly bool _modelDepth;
    private readonly float _nmsIou;

    public ContractObjectDecoder(ContractObjectsHeadSpec spec, ReadOnlySpan<int> outputShape, int classCount, FrameInputGeometry geometry)
    {
        FrameInputGeometry.ThrowIfDefault(geometry, nameof(geometry));
        if (outputShape.Length != 2 || outputShape[0] <= 0 || outputShape[1] != ModelContract.ObjectFieldCount)
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(outputShape), $"contract objects '{spec.Output}' shape {ForeignHeadThrowHelper.Dims(outputShape)}",
                "one image's rows are [K, 7] with K > 0; drop the batch axis");
        }

        _geometry = geometry;
        _scoreThreshold = spec.ScoreThreshold;
        _classCount = classCount;
        _modelDepth = spec.ObjectRange == ObjectRangePolicy.ModelDepth;
        _nmsIou = spec.NmsIou;
        RowCount = outputShape[0];
    }

    public int RowCount { get; }

    public DetectionDecodeResult Decode(ReadOnlySpan<float> rows, Span<Detection> destination)
    {
        InputFrameMapping mapping = _geometry.Mapping;
        int written = 0, rejected = 0, below = 0, over = 0;
        for (int offset = 0; offset + ModelContract.ObjectFieldCount <= rows.Length; offset += ModelContract.ObjectFieldCount)
        {
            ReadOnlySpan<float> row = rows.Slice(offset, ModelContract.ObjectFieldCount);
            float score = row[0];
            if (!float.IsFinite(score) || score < _scoreThreshold)
            {
                rejected += float.IsFinite(score) ? 0 : 1;
                below += float.IsFinite(score) ? 1 : 0;
                continue;
            }

            int classIndex = (int)row[1];
            bool finite = float.IsFinite(row[2]) && float.IsFinite(row[3]) && float.IsFinite(row[4]) && float.IsFinite(row[5]) && float.IsFinite(row[6]);
            if (!finite || classIndex != row[1] || (uint)classIndex >= (uint)_classCount || row[4] < 0 || row[5] < 0 || row[6] < 0 || score > 1)
            {
                rejected++;
                continue;
            }

            if (written == destination.Length)
            {
                over++;
                continue;
            }

            destination[written++] = new Detection(
                score, classIndex, (float)PixelConvention.EdgeToCentre(mapping.ToFrameX(row[2])), (float)PixelConvention.EdgeToCentre(mapping.ToFrameY(row[3])),
                (float)(row[4] / mapping.ScaleX), (float)(row[5] / mapping.ScaleY),
                _modelDepth ? row[6] : 0, _modelDepth ? RangeSource.ObjectDepth : RangeSource.GroundContact);
        }

        // IoU does not change under the fit's per-axis scale (every area scales alike), so suppressing in frame pixels
        // keeps the same boxes as in model-input pixels.
        int kept = DetectionOverlapSuppression.Apply(destination[..written], _nmsIou);
        return new DetectionDecodeResult { Written = kept, Suppressed = written - kept, NonFinite = rejected, BelowThreshold = below, OverCapacity = over };
    }
}

using Octopilot.Inference.Perception;

namespace Octopilot.Inference.ForeignHeads;

/// <summary>
/// A row that passed the threshold, its box in model-input pixels (x1 ≤ x2, y1 ≤ y2), before the inverse fit. Sorted best first: higher score,
/// then the lower row, so the order never depends on the sort algorithm. IComparable so that <c>Span.Sort()</c> sorts
/// without a boxed comparer (no allocation).
/// </summary>
internal readonly record struct DetectionCandidate(float Score, int ClassIndex, int Row, float X1, float Y1, float X2, float Y2)
    : IComparable<DetectionCandidate>
{
    public int CompareTo(DetectionCandidate other)
    {
        int byScore = other.Score.CompareTo(Score);
        return byScore != 0 ? byScore : Row.CompareTo(other.Row);
    }

    /// <summary>True when this ranks below <paramref name="other"/> (lower score, or equal score and a later row).</summary>
    public bool IsWorseThan(in DetectionCandidate other) => CompareTo(other) > 0;

    /// <summary>Intersection over union with <paramref name="other"/> (0 when both are empty).</summary>
    public float IntersectionOverUnion(in DetectionCandidate other) =>
        DetectionOverlapSuppression.BoxIntersectionOverUnion(X1, Y1, X2, Y2, other.X1, other.Y1, other.X2, other.Y2);
}

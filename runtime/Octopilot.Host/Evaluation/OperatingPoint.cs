namespace Octopilot.Host.Evaluation;

/// <summary>
/// The sweep threshold with the highest recall whose precision is at least a target: the operating point a detection
/// bar such as "recall ≥ 0.9 at precision ≥ 0.9" is judged at (issue #12). Null when no threshold reaches the precision.
/// </summary>
internal readonly record struct OperatingPoint(float Threshold, double Recall, double Precision)
{
    /// <summary>The precision the report's operating points are chosen at.</summary>
    public const double TargetPrecision = 0.9;

    /// <param name="band">Picks the band of each sweep row (within 40 m or within 80 m).</param>
    public static OperatingPoint? AtPrecision(
        IReadOnlyList<(float Threshold, ObjectBandCounts Within40, ObjectBandCounts Within80)> sweep,
        Func<(float Threshold, ObjectBandCounts Within40, ObjectBandCounts Within80), ObjectBandCounts> band,
        double minPrecision)
    {
        OperatingPoint? best = null;
        foreach (var row in sweep)
        {
            ObjectBandCounts counts = band(row);
            if (counts.Precision is double precision && precision >= minPrecision && counts.Recall is double recall
                && (best is not OperatingPoint b || recall > b.Recall))
            {
                best = new OperatingPoint(row.Threshold, recall, precision);
            }
        }

        return best;
    }
}

namespace Octopilot.Host.Evaluation;

/// <summary>
/// Intersection over union of a predicted and a true cell mask, pooled over every image added (cells, not images, are
/// counted: a big image weighs more). A cell is predicted when the head's value is ≥ <see cref="PredictedAtLeast"/>.
/// </summary>
internal sealed class MaskIou
{
    /// <summary>Probability from which a cell counts as predicted (the runtime's own reading of a probability map).</summary>
    public const float PredictedAtLeast = 0.5f;

    public long Intersection { get; private set; }

    public long Union { get; private set; }

    public long TrueCells { get; private set; }

    public long PredictedCells { get; private set; }

    /// <summary>Intersection / union; null when neither mask has a cell (nothing to measure).</summary>
    public double? Iou => Union > 0 ? Intersection / (double)Union : null;

    public void Add(ReadOnlySpan<float> predicted, ReadOnlySpan<bool> truth)
    {
        if (predicted.Length != truth.Length)
        {
            throw new ArgumentException($"predicted has {predicted.Length} cells, truth {truth.Length}: they must be the same grid", nameof(predicted));
        }

        for (int i = 0; i < truth.Length; i++)
        {
            bool p = predicted[i] >= PredictedAtLeast, t = truth[i];
            Intersection += p && t ? 1 : 0;
            Union += p || t ? 1 : 0;
            TrueCells += t ? 1 : 0;
            PredictedCells += p ? 1 : 0;
        }
    }
}

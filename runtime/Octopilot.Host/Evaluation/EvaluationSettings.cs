using Octopilot.Host.Dataset;
using Octopilot.Inference.Engine;
using Octopilot.Inference.Perception;

namespace Octopilot.Host.Evaluation;

/// <summary>
/// What <c>octopilot model evaluate</c> measures: the model (a contract HydraNet, or any model with its manifest), the
/// dataset folder and split, the operating score threshold, an optional sample limit and output folder. Validated by
/// the command before the run; the constants are the method's fixed choices, each with its reason.
/// </summary>
internal sealed record EvaluationSettings
{
    /// <summary>
    /// Visible pixels from which a vehicle label is evaluable (else an "ignore" label). 50 px is a car (1.85 x 1.5 m) in
    /// full view at about 100 m in main_forward at 384x288 (fx 412 px: 7.6 x 6.2 px), so every unoccluded vehicle of the
    /// 0–80 m bands counts; below it are slivers behind other cars or at an image border, whose box the label itself
    /// barely fixes. A detection of such an object is neither rewarded nor punished.
    /// </summary>
    public const int DefaultMinVisiblePixels = 50;

    /// <summary>The score thresholds of the precision/recall sweep.</summary>
    // Steps of 0.05: a trained model's scores crowd into a few tenths, and the operating point at precision 0.9 moved by
    // a whole 0.1 step between neighbouring checkpoints.
    public static IReadOnlyList<float> SweepThresholds { get; } =
        [0.05f, 0.1f, 0.15f, 0.2f, 0.25f, 0.3f, 0.35f, 0.4f, 0.45f, 0.5f, 0.55f, 0.6f, 0.65f, 0.7f, 0.75f, 0.8f, 0.85f, 0.9f, 0.95f];

    public required string ModelPath { get; init; }

    /// <summary>A model manifest for a foreign model; null: the contract HydraNet.</summary>
    public string? ManifestPath { get; init; }

    public required string DataPath { get; init; }

    /// <summary>The split measured; null: every sample.</summary>
    public DatasetSplit? Split { get; init; } = DatasetSplit.Val;

    /// <summary>Detections below this score do not exist at the operating point (the runtime's default unless given).</summary>
    public float ScoreThreshold { get; init; } = InferenceOptions.DefaultObjectScoreThreshold;

    /// <summary>Largest number of samples measured (the split's first); 0: all.</summary>
    public int Limit { get; init; }

    public int MinVisiblePixels { get; init; } = DefaultMinVisiblePixels;

    /// <summary>The engine's duplicate suppression (<see cref="InferenceOptions.ObjectNmsIou"/>; the runtime's default unless given).</summary>
    public float NmsIou { get; init; } = DetectionOverlapSuppression.DefaultIouThreshold;

    /// <summary>Folder for report.json and report.md; null: none written.</summary>
    public string? OutDirectory { get; init; }

    public string SplitName => Split switch
    {
        DatasetSplit.Val => "val",
        DatasetSplit.Train => "train",
        _ => "all",
    };
}

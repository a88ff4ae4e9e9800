namespace Octopilot.Inference.ForeignHeads;

/// <summary>
/// What one detection decode did with the model's rows. Each dropped row is counted under the first reason that applied,
/// in the order listed. Counts are of this decode only.
/// </summary>
public readonly record struct DetectionDecodeResult
{
    /// <summary>Detections written to the destination, best first.</summary>
    public int Written { get; init; }

    /// <summary>Rows with a NaN or ±Inf among the values the decoder read (score/objectness first, then box and class values).</summary>
    public int NonFinite { get; init; }

    /// <summary>Rows under the score threshold (not an error).</summary>
    public int BelowThreshold { get; init; }

    /// <summary>Box lists only: scores above 1 (the runtime's detection score is a probability).</summary>
    public int ScoreOutOfRange { get; init; }

    /// <summary>Box lists only: labels that are not an integer class index of the model.</summary>
    public int ClassOutOfRange { get; init; }

    /// <summary>Rows whose class the class filter drops (not an error).</summary>
    public int FilteredByClass { get; init; }

    /// <summary>Boxes with x2 &lt; x1, y2 &lt; y1, or a negative width or height.</summary>
    public int NegativeSize { get; init; }

    /// <summary>YOLO only: candidates dropped because more than the plan's candidate cap passed the threshold (the best ones are kept).</summary>
    public int OverCandidateCap { get; init; }

    /// <summary>Candidates removed by NMS (YOLO, contract rows; not an error).</summary>
    public int Suppressed { get; init; }

    /// <summary>Boxes with nothing left inside the camera frame once clipped (in letterbox padding or cropped away).</summary>
    public int EmptyAfterClip { get; init; }

    /// <summary>Detections that passed everything but did not fit in the destination (the weakest are dropped).</summary>
    public int OverCapacity { get; init; }

    /// <summary>Rows with an impossible value (non-finite, score above 1, bad class, negative size): what <c>InferenceCounters.DetectionsRejected</c> counts.</summary>
    public int Rejected => NonFinite + ScoreOutOfRange + ClassOutOfRange + NegativeSize;
}

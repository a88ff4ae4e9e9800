namespace Octopilot.Inference.Perception;

/// <summary>
/// Greedy per-class non-maximum suppression of decoded detections, in place: best score first, a detection is dropped
/// when its box overlaps an already kept box of its class by more than an IoU threshold (torchvision's <c>nms</c> rule).
/// Why a CenterNet needs it although its heatmap peaks are already a 3x3 max-pool: a car that fills half a pillar or
/// repeater image raises several separate peaks (bonnet, cabin, tail), each decoding to nearly the same box; measured on
/// the trained tiny model's test split, such duplicates were over half of the false positives within 40 m, and each one
/// would start a second track of the same car. Greedy NMS is threshold-consistent: whether a detection survives depends
/// only on higher-scoring ones, so suppressing at a low score threshold and then raising it gives the same set as
/// suppressing at the higher one (the evaluation's score sweep relies on this). Allocation-free: an insertion sort
/// (K is tens of rows) and a compaction in place.
/// </summary>
public static class DetectionOverlapSuppression
{
    /// <summary>IoU above which a lower-scoring box of the same class is dropped: YOLO's and torchvision's usual 0.5.</summary>
    public const float DefaultIouThreshold = 0.5f;

    /// <summary>The threshold that keeps every detection: no two boxes overlap by more than IoU 1.</summary>
    public const float Off = 1f;

    /// <summary>
    /// Sorts <paramref name="detections"/> best first (stable: equal scores keep their order), moves the kept ones to the
    /// front and returns how many were kept; the entries after them are left as they are and are no longer meaningful.
    /// </summary>
    public static int Apply(Span<Detection> detections, float iouThreshold)
    {
        SortByScoreDescending(detections);
        if (iouThreshold >= Off)
        {
            return detections.Length;
        }

        int kept = 0;
        for (int i = 0; i < detections.Length; i++)
        {
            Detection candidate = detections[i];
            bool suppressed = false;
            for (int k = 0; k < kept && !suppressed; k++)
            {
                suppressed = detections[k].ClassIndex == candidate.ClassIndex && IntersectionOverUnion(detections[k], candidate) > iouThreshold;
            }

            if (!suppressed)
            {
                detections[kept++] = candidate;
            }
        }

        return kept;
    }

    /// <summary>Box IoU of two detections (centre and size in the same pixels); 0 when they do not overlap or both are empty.</summary>
    public static float IntersectionOverUnion(in Detection a, in Detection b) => BoxIntersectionOverUnion(
        a.CenterUPx - (a.WidthPx / 2), a.CenterVPx - (a.HeightPx / 2), a.CenterUPx + (a.WidthPx / 2), a.CenterVPx + (a.HeightPx / 2),
        b.CenterUPx - (b.WidthPx / 2), b.CenterVPx - (b.HeightPx / 2), b.CenterUPx + (b.WidthPx / 2), b.CenterVPx + (b.HeightPx / 2));

    /// <summary>IoU of two boxes given by their corners (x1 ≤ x2, y1 ≤ y2); 0 when they do not overlap or both are empty. Also YOLO's NMS test.</summary>
    public static float BoxIntersectionOverUnion(float ax1, float ay1, float ax2, float ay2, float bx1, float by1, float bx2, float by2)
    {
        float width = Math.Min(ax2, bx2) - Math.Max(ax1, bx1);
        float height = Math.Min(ay2, by2) - Math.Max(ay1, by1);
        if (width <= 0 || height <= 0)
        {
            return 0;
        }

        float intersection = width * height;
        float union = ((ax2 - ax1) * (ay2 - ay1)) + ((bx2 - bx1) * (by2 - by1)) - intersection;
        return union > 0 ? intersection / union : 0;
    }

    /// <summary>Insertion sort, best score first: already-sorted input (a contract model's top-K rows) costs one pass.</summary>
    private static void SortByScoreDescending(Span<Detection> detections)
    {
        for (int i = 1; i < detections.Length; i++)
        {
            Detection moving = detections[i];
            int j = i - 1;
            while (j >= 0 && detections[j].Score < moving.Score)
            {
                detections[j + 1] = detections[j];
                j--;
            }

            detections[j + 1] = moving;
        }
    }
}

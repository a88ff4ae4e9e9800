namespace Octopilot.Host.Evaluation;

/// <summary>
/// Greedy one-to-one matching of one image's detections to its labels: detections in descending score (ties: the
/// earlier one first), each to the still unmatched label with the highest box IoU, if that IoU is at least
/// <see cref="MinIou"/> (0.5, the PASCAL VOC / COCO AP50 rule). Labels of every kind take part, the "ignore" ones too;
/// what a match to an ignore label means is the caller's business. Greedy by score means a threshold applied afterwards
/// (keep detections with score ≥ t) leaves exactly the matches that matching only those detections would give.
/// </summary>
internal static class DetectionMatcher
{
    public const double MinIou = 0.5;

    /// <returns>Per detection, the index of its label, or −1.</returns>
    public static int[] Match(IReadOnlyList<PixelBox> labels, IReadOnlyList<PixelBox> detections, IReadOnlyList<float> scores)
    {
        var labelOf = new int[detections.Count];
        Array.Fill(labelOf, -1);
        var taken = new bool[labels.Count];
        int[] order = Enumerable.Range(0, detections.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        foreach (int d in order)
        {
            int best = -1;
            double bestIou = MinIou;
            for (int l = 0; l < labels.Count; l++)
            {
                double iou = taken[l] ? -1 : detections[d].Iou(labels[l]);
                if (iou >= bestIou && (best < 0 || iou > bestIou))
                {
                    best = l;
                    bestIou = iou;
                }
            }

            if (best >= 0)
            {
                taken[best] = true;
                labelOf[d] = best;
            }
        }

        return labelOf;
    }
}

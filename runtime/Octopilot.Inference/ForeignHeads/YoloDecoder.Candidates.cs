using Octopilot.Inference.Perception;

namespace Octopilot.Inference.ForeignHeads;

/// <summary>The candidate buffer (a bounded min-heap that keeps the best), per-class NMS, and the write to frame pixels.</summary>
public sealed partial class YoloDecoder
{
    /// <summary>
    /// Adds a candidate to the first <paramref name="count"/> entries of the buffer, a min-heap whose root is the worst
    /// candidate. When the buffer is full the worst of (root, new) is dropped and counted.
    /// </summary>
    private void Offer(in DetectionCandidate candidate, ref int count, ref Tally tally)
    {
        DetectionCandidate[] heap = _candidates;
        if (count < heap.Length)
        {
            int i = count++;
            heap[i] = candidate;
            while (i > 0)
            {
                int parent = (i - 1) / 2;
                if (!heap[i].IsWorseThan(heap[parent]))
                {
                    break;
                }

                (heap[i], heap[parent]) = (heap[parent], heap[i]);
                i = parent;
            }

            return;
        }

        tally.OverCandidateCap++;
        if (!heap[0].IsWorseThan(candidate))
        {
            return;
        }

        heap[0] = candidate;
        for (int i = 0; ;)
        {
            int worst = i, left = (2 * i) + 1, right = left + 1;
            if (left < count && heap[left].IsWorseThan(heap[worst]))
            {
                worst = left;
            }

            if (right < count && heap[right].IsWorseThan(heap[worst]))
            {
                worst = right;
            }

            if (worst == i)
            {
                break;
            }

            (heap[i], heap[worst]) = (heap[worst], heap[i]);
            i = worst;
        }
    }

    /// <summary>Sorts the candidates best first, runs greedy per-class NMS in model-input pixels, then maps, clips and writes the kept ones.</summary>
    private DetectionDecodeResult SuppressAndWrite(int count, Span<Detection> destination, ref Tally tally)
    {
        Span<DetectionCandidate> candidates = _candidates.AsSpan(0, count);
        candidates.Sort();
        Span<bool> suppressed = _suppressed.AsSpan(0, count);
        suppressed.Clear();
        int written = 0;
        for (int i = 0; i < candidates.Length; i++)
        {
            if (suppressed[i])
            {
                continue;
            }

            ref readonly DetectionCandidate kept = ref candidates[i];
            for (int j = i + 1; j < candidates.Length; j++)
            {
                if (!suppressed[j] && candidates[j].ClassIndex == kept.ClassIndex && candidates[j].IntersectionOverUnion(kept) > _nmsIouThreshold)
                {
                    suppressed[j] = true;
                    tally.Suppressed++;
                }
            }

            if (!ForeignDetection.TryToFrame(_geometry, kept.Score, kept.ClassIndex, kept.X1, kept.Y1, kept.X2, kept.Y2, out Detection detection))
            {
                tally.EmptyAfterClip++;
            }
            else if (written < destination.Length)
            {
                destination[written++] = detection;
            }
            else
            {
                tally.OverCapacity++;
            }
        }

        return new DetectionDecodeResult
        {
            Written = written, NonFinite = tally.NonFinite, BelowThreshold = tally.BelowThreshold, ScoreOutOfRange = tally.ScoreOutOfRange,
            FilteredByClass = tally.FilteredByClass, NegativeSize = tally.NegativeSize, OverCandidateCap = tally.OverCandidateCap,
            Suppressed = tally.Suppressed, EmptyAfterClip = tally.EmptyAfterClip, OverCapacity = tally.OverCapacity,
        };
    }
}

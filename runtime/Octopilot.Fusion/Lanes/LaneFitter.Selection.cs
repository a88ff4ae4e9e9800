using Octopilot.Fusion.Bev;

namespace Octopilot.Fusion.Lanes;

/// <summary>Steps 3 and 4: fit, merge and filter the tracks; pick the boundaries that form plausible lanes; publish.</summary>
public sealed partial class LaneFitter
{
    /// <summary>Peaks farther than this from their track's first fit are dropped before the final fit, m (markings centroid to a few cm).</summary>
    public const double OutlierResidualM = 0.25;

    /// <summary>Largest RMS residual, m, of one curve through two tracks' peaks for them to merge: twice the oracle's far-range scatter (about 0.12 m); neighbouring lines (≥ 2.5 m apart) leave over 1 m.</summary>
    public const double MergeMaxRmsM = 0.25;

    private void FitTracks()
    {
        int order = Options.PolynomialOrder;
        for (int t = 0; t < _trackCount; t++)
        {
            LaneTrack track = _tracks[t];
            if (track.Count == 0)
            {
                continue;
            }

            // Two passes: a far outlier can drag the first fit enough to hide a second one.
            for (int pass = 0; pass < 3 && track.Count > 0; pass++)
            {
                track.Solve(order);
                if (pass == 2 || track.RejectOutliers(OutlierResidualM) == 0)
                {
                    break;
                }
            }
        }

        MergeTracks(order);
    }

    /// <summary>
    /// Two tracks are one line (fragments either side of an occlusion or a gap, or one line split at the start) when
    /// their mean offsets from the longest track's curve differ by less than the gate (grown over half the distance
    /// between their supports), and one curve of the fit's order through all their peaks leaves an RMS residual of at
    /// most <see cref="MergeMaxRmsM"/>. Offsets from a shared shape for the first test: a short fragment's own slope and
    /// curvature extrapolate wildly (without a track long enough to lend its shape, straight-line fits are compared).
    /// </summary>
    private void MergeTracks(int order)
    {
        bool merged = true;
        for (int pass = 0; merged && pass < _tracks.Length; pass++)
        {
            merged = false;
            int reference = LongestTrack();
            for (int a = 0; a < _trackCount && !merged; a++)
            {
                LaneTrack first = _tracks[a];
                if (first.Count == 0)
                {
                    continue;
                }

                for (int b = a + 1; b < _trackCount; b++)
                {
                    LaneTrack second = _tracks[b];
                    if (second.Count == 0)
                    {
                        continue;
                    }

                    double lo = Math.Max(first.XMinM, second.XMinM), hi = Math.Min(first.XMaxM, second.XMaxM);
                    double xM = 0.5 * (lo + hi);
                    double gate = Options.GateM + (Options.GateGrowthPerM * Math.Max(0, 0.5 * (lo - hi)));
                    double apartM = reference >= 0
                        ? first.MeanOffsetFromM(_tracks[reference]) - second.MeanOffsetFromM(_tracks[reference])
                        : first.LinearYAtM(xM) - second.LinearYAtM(xM);
                    if (Math.Abs(apartM) >= gate)
                    {
                        continue;
                    }

                    _mergeScratch.CopyFrom(first);
                    _mergeScratch.AddFrom(second);
                    _mergeScratch.Solve(order);
                    if (_mergeScratch.RmsResidualM <= MergeMaxRmsM)
                    {
                        first.MergeFrom(second);
                        first.Solve(order);
                        merged = true;
                        break;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Tracks with enough support, sorted left to right at x = 0, into <see cref="_order"/>; the weaker of two closer than
    /// the narrowest lane removed; an ego lane with one boundary completed (<see cref="InferEgoBoundary"/>); then the run
    /// of consecutive plausible lanes around the ego (else the longest, then the
    /// heaviest) is moved to the front of <see cref="_order"/>, trimmed to <see cref="LaneFitOptions.MaxBoundaries"/>
    /// from the end farther from the ego. Returns the boundaries kept (fewer than 2: no lane).
    /// </summary>
    private int SelectBoundaries()
    {
        int count = 0;
        for (int t = 0; t < _trackCount; t++)
        {
            LaneTrack track = _tracks[t];
            if (track.Count >= Options.MinSupportSlices && track.XMaxM - track.XMinM >= Options.MinSupportSpanM)
            {
                // Insertion sort by y at x = 0, descending (left first).
                int i = count++;
                double y = track.YAtM(0);
                while (i > 0 && _tracks[_order[i - 1]].YAtM(0) < y)
                {
                    _order[i] = _order[i - 1];
                    i--;
                }

                _order[i] = t;
            }
        }

        count = DropTooClose(count);
        count = InferEgoBoundary(count);
        if (count < 2)
        {
            return count;
        }

        // Runs of consecutive plausible lanes.
        int bestStart = 0, bestLength = 1;
        double bestWeight = -1;
        bool bestHasEgo = false;
        int start = 0;
        for (int i = 1; i <= count; i++)
        {
            if (i < count && IsPlausibleLane(_tracks[_order[i - 1]], _tracks[_order[i]]))
            {
                continue;
            }

            int length = i - start;
            bool hasEgo = length >= 2 && _tracks[_order[start]].YAtM(0) >= 0 && _tracks[_order[i - 1]].YAtM(0) < 0;
            double weight = 0;
            for (int j = start; j < i; j++)
            {
                weight += _tracks[_order[j]].TotalWeight;
            }

            bool better = hasEgo != bestHasEgo ? hasEgo : length != bestLength ? length > bestLength : weight > bestWeight;
            if (better)
            {
                (bestStart, bestLength, bestWeight, bestHasEgo) = (start, length, weight, hasEgo);
            }

            start = i;
        }

        if (bestLength < 2)
        {
            return bestLength;
        }

        while (bestLength > Options.MaxBoundaries)
        {
            double leftY = Math.Abs(_tracks[_order[bestStart]].YAtM(0));
            double rightY = Math.Abs(_tracks[_order[bestStart + bestLength - 1]].YAtM(0));
            if (leftY > rightY)
            {
                bestStart++;
            }

            bestLength--;
        }

        for (int j = 0; j < bestLength; j++)
        {
            _order[j] = _order[bestStart + j];
        }

        return bestLength;
    }

    /// <summary>While two neighbours are closer than the narrowest lane, removes the one with less paint.</summary>
    private int DropTooClose(int count)
    {
        for (int i = 1; i < count;)
        {
            LaneTrack left = _tracks[_order[i - 1]], right = _tracks[_order[i]];
            if (SpacingM(left, right) >= Options.MinLaneWidthM)
            {
                i++;
                continue;
            }

            int drop = left.TotalWeight < right.TotalWeight ? i - 1 : i;
            for (int j = drop; j < count - 1; j++)
            {
                _order[j] = _order[j + 1];
            }

            count--;
            i = Math.Max(1, i - 1);
        }

        return count;
    }

    private bool IsPlausibleLane(LaneTrack left, LaneTrack right)
    {
        double spacing = SpacingM(left, right);
        return spacing >= Options.MinLaneWidthM && spacing <= Options.MaxLaneWidthM;
    }

    /// <summary>Lateral spacing of two tracks at x = 0, or at the nearest x both support when that is elsewhere.</summary>
    private static double SpacingM(LaneTrack left, LaneTrack right)
    {
        double lo = Math.Max(left.XMinM, right.XMinM), hi = Math.Min(left.XMaxM, right.XMaxM);
        double xM = lo <= hi ? Math.Clamp(0, lo, hi) : 0;
        return left.YAtM(xM) - right.YAtM(xM);
    }

    /// <summary>Writes the kept boundaries, finds the ego lane and sets the confidence (formula on <see cref="LaneEstimate.Confidence"/>).</summary>
    private void Publish(LaneEstimate result, int count, BevLayers layers)
    {
        Span<LaneBoundary> boundaries = result.BoundariesForWrite;
        double fitQuality = 0;
        int inferred = 0;
        for (int i = 0; i < count; i++)
        {
            LaneTrack track = _tracks[_order[i]];
            if (_order[i] == InferredTrack)
            {
                boundaries[i] = track.ToInferredBoundary();
                inferred++;
                continue;
            }

            LaneBoundary b = track.ToBoundary(Options.SliceLengthM, MeanSolidProbability(track, layers));
            boundaries[i] = b;
            double support = Math.Min(1.0, (double)b.SupportSlices / Options.FullSupportSlices);
            double residual = b.RmsResidualM / Options.ResidualScaleM;
            fitQuality += support / (1 + (residual * residual));
        }

        fitQuality /= count - inferred;
        result.Commit(count, inferred, Options.FitXMinM - Options.QueryExtrapolationM, Options.FitXMaxM + Options.QueryExtrapolationM);

        double narrowest = double.PositiveInfinity, widest = 0;
        for (int lane = 0; lane < result.LaneCount; lane++)
        {
            double width = result.LaneWidthM(lane);
            narrowest = Math.Min(narrowest, width);
            widest = Math.Max(widest, width);
        }

        double widthConsistency = Math.Clamp(1 - ((widest - narrowest) / (Options.MaxLaneWidthM - Options.MinLaneWidthM)), 0, 1);
        double egoFactor = result.EgoLaneIndex >= 0 ? 1 : 0.5;
        double inferredFactor = inferred > 0 ? InferredConfidenceFactor : 1;
        result.SetConfidence(fitQuality * widthConsistency * egoFactor * inferredFactor);
    }
}

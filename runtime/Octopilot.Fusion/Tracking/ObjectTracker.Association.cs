namespace Octopilot.Fusion.Tracking;

/// <summary>Measurement preparation (finite check, duplicate merge) and gated cheapest-first assignment.</summary>
public sealed partial class ObjectTracker
{
    private const int MaxMeasurements = ObjectMeasurementList.Capacity;

    // Pair key layout: squared Mahalanobis distance as float bits (non-negative floats order like their bits) above
    // 6 bits of track slot and 6 bits of measurement index, so sorting the longs sorts the pairs by cost.
    private const int IndexBits = 6;
    private const int IndexMask = (1 << IndexBits) - 1;

    private readonly ObjectMeasurement[] _measurements = new ObjectMeasurement[MaxMeasurements];
    private readonly double[] _sumXM = new double[MaxMeasurements];
    private readonly double[] _sumYM = new double[MaxMeasurements];
    private readonly int[] _mergedCount = new int[MaxMeasurements];
    private readonly Cov2[] _measurementNoise = new Cov2[MaxMeasurements];
    private readonly bool[] _measurementAssigned = new bool[MaxMeasurements];
    private readonly int[] _slotAssignment = new int[ObjectTrackerOptions.MaxTracks];
    private readonly long[] _pairKeys = new long[ObjectTrackerOptions.MaxTracks * MaxMeasurements];

    /// <summary>
    /// Drops non-finite measurements and merges duplicates: a measurement joins the first kept one that it is the same
    /// object as, else it is kept. Same object: closer than <see cref="ObjectTrackerOptions.MergeDistanceM"/>, or within
    /// <see cref="ObjectTrackerOptions.MergeGateChiSquare2Dof"/> of it under the two measurements' summed noise (depth
    /// error grows with range, so two cameras' depths of one car 60 m ahead differ by metres while staying a few
    /// decimetres apart across the ray, which keeps cars in adjacent lanes apart). Compared with the kept one's first
    /// position, so a chain of near points does not creep. The merged position is the mean; size and class come from
    /// the first. Returns the kept count.
    /// </summary>
    private int PrepareMeasurements(ReadOnlySpan<ObjectMeasurement> input)
    {
        double mergeSquaredM2 = _options.MergeDistanceM * _options.MergeDistanceM;
        int kept = 0;
        foreach (ref readonly ObjectMeasurement m in input)
        {
            if (!m.IsFinite)
            {
                RejectedNonFiniteMeasurements++;
                continue;
            }

            Cov2 noise = Cov2.FromRange(m.XM, m.YM, _options);
            int into = -1;
            for (int k = 0; k < kept; k++)
            {
                if (IsSameObject(m, noise, _measurements[k], _measurementNoise[k], mergeSquaredM2))
                {
                    into = k;
                    break;
                }
            }

            if (into >= 0)
            {
                _sumXM[into] += m.XM;
                _sumYM[into] += m.YM;
                _mergedCount[into]++;
                MergedMeasurements++;
                continue;
            }

            _measurements[kept] = m;
            _measurementNoise[kept] = noise;
            _sumXM[kept] = m.XM;
            _sumYM[kept] = m.YM;
            _mergedCount[kept] = 1;
            kept++;
        }

        for (int k = 0; k < kept; k++)
        {
            ObjectMeasurement first = _measurements[k];
            int n = _mergedCount[k];
            double x = _sumXM[k] / n;
            double y = _sumYM[k] / n;
            _measurements[k] = new ObjectMeasurement(x, y, first.LengthM, first.WidthM, first.ClassId);
            // The mean of duplicates is not given less noise: two cameras' depths share the same bias sources (flat-ground
            // assumption, the same detector), so treating them as independent would make the filter overconfident.
            _measurementNoise[k] = Cov2.FromRange(x, y, _options);
            _measurementAssigned[k] = false;
        }

        return kept;
    }

    private bool IsSameObject(in ObjectMeasurement a, in Cov2 noiseA, in ObjectMeasurement b, in Cov2 noiseB, double mergeSquaredM2)
    {
        double dx = a.XM - b.XM;
        double dy = a.YM - b.YM;
        if ((dx * dx) + (dy * dy) < mergeSquaredM2)
        {
            return true;
        }

        double sxx = noiseA.Xx + noiseB.Xx;
        double sxy = noiseA.Xy + noiseB.Xy;
        double syy = noiseA.Yy + noiseB.Yy;
        double det = (sxx * syy) - (sxy * sxy);
        return det > 0 && ((syy * dx * dx) - (2 * sxy * dx * dy) + (sxx * dy * dy)) / det <= _options.MergeGateChiSquare2Dof;
    }

    /// <summary>
    /// Global nearest neighbour, solved greedily: all gated pairs sorted by squared Mahalanobis distance, each taken when
    /// neither side is taken yet. Optimal assignment (Hungarian/auction) differs only when gates of nearby tracks overlap
    /// in a way where the cheapest pair blocks a cheaper total; with a 99 % gate and objects metres apart that is rare,
    /// and the greedy pass is O(P log P) with no allocation for P ≤ 64 × 64 pairs.
    /// </summary>
    private void Associate(int measurementCount)
    {
        int pairs = 0;
        for (int t = 0; t < _slots.Length; t++)
        {
            _slotAssignment[t] = -1;
            ref readonly TrackSlot slot = ref _slots[t];
            if (!slot.Live)
            {
                continue;
            }

            for (int m = 0; m < measurementCount; m++)
            {
                double d2 = slot.Filter.MahalanobisSquared(_measurements[m].XM, _measurements[m].YM, _measurementNoise[m]);
                if (d2 <= _options.GateChiSquare2Dof)
                {
                    long costBits = BitConverter.SingleToInt32Bits((float)d2);
                    _pairKeys[pairs++] = (costBits << (2 * IndexBits)) | ((long)t << IndexBits) | (long)m;
                }
            }
        }

        Span<long> keys = _pairKeys.AsSpan(0, pairs);
        keys.Sort();
        foreach (long key in keys)
        {
            int t = (int)(key >> IndexBits) & IndexMask;
            int m = (int)key & IndexMask;
            if (_slotAssignment[t] < 0 && !_measurementAssigned[m])
            {
                _slotAssignment[t] = m;
                _measurementAssigned[m] = true;
            }
        }
    }
}

namespace Octopilot.Fusion.Lanes;

/// <summary>Step 1: per slice, the lateral marking profile and its peaks.</summary>
public sealed partial class LaneFitter
{
    /// <summary>Centre x of slice <paramref name="slice"/>, m (for tests and pictures).</summary>
    internal double SliceXM(int slice) => _sliceXM[slice];

    /// <summary>The last fit's peak offsets in slice <paramref name="slice"/>, m, right to left (for tests and pictures).</summary>
    internal ReadOnlySpan<double> PeakYs(int slice) => _peakY.AsSpan(slice * MaxPeaksPerSlice, _peakCount[slice]);

    private void FindAllPeaks(ReadOnlySpan<float> lanes, ReadOnlySpan<bool> known)
    {
        for (int s = 0; s < _sliceCount; s++)
        {
            BuildProfile(s, lanes, known);
            _peakCount[s] = FindPeaks(s);
        }
    }

    /// <summary>Mean marking probability per lateral column over the slice's known cells; a column with none is unknown.</summary>
    private void BuildProfile(int slice, ReadOnlySpan<float> lanes, ReadOnlySpan<bool> known)
    {
        int cellsY = Grid.CellsY;
        Span<float> profile = _profile;
        Span<int> counts = _profileCounts;
        profile.Clear();
        counts.Clear();

        // Row by row (x-major cells): contiguous reads.
        for (int ix = _sliceIxStart[slice]; ix < _sliceIxEnd[slice]; ix++)
        {
            ReadOnlySpan<float> laneRow = lanes.Slice(ix * cellsY, cellsY);
            ReadOnlySpan<bool> knownRow = known.Slice(ix * cellsY, cellsY);
            for (int iy = 0; iy < cellsY; iy++)
            {
                if (knownRow[iy])
                {
                    profile[iy] += laneRow[iy];
                    counts[iy]++;
                }
            }
        }

        Span<bool> profileKnown = _profileKnown;
        for (int iy = 0; iy < cellsY; iy++)
        {
            profileKnown[iy] = counts[iy] > 0;
            profile[iy] = counts[iy] > 0 ? profile[iy] / counts[iy] : 0;
        }
    }

    /// <summary>
    /// Runs of known columns at or above the threshold, each widened down its flanks while the profile keeps falling and
    /// stays known and above 0; the widened run's probability-weighted centroid is the peak's y and its weight is the
    /// mass (Σp · cell size, metres of full-probability paint) over the centroid's variance (see below). Dropped: runs
    /// wider than <see cref="LaneFitOptions.MaxPeakWidthM"/> and runs whose flank meets an unknown column or the grid
    /// edge (the marking may continue unseen, biasing the centroid).
    /// </summary>
    private int FindPeaks(int slice)
    {
        ReadOnlySpan<float> profile = _profile;
        ReadOnlySpan<bool> known = _profileKnown;
        int cellsY = Grid.CellsY;
        float threshold = Options.MarkingThreshold;
        int maxRunCells = Math.Max(1, (int)Math.Floor((Options.MaxPeakWidthM / Grid.CellSizeM) + 1e-9));
        int baseIndex = slice * MaxPeaksPerSlice;
        int count = 0;
        int iy = 0;
        while (iy < cellsY && count < MaxPeaksPerSlice)
        {
            if (!known[iy] || profile[iy] < threshold)
            {
                iy++;
                continue;
            }

            int runStart = iy;
            while (iy < cellsY && known[iy] && profile[iy] >= threshold)
            {
                iy++;
            }

            int runEnd = iy; // exclusive
            int lo = runStart;
            while (lo > 0 && known[lo - 1] && profile[lo - 1] > 0 && profile[lo - 1] <= profile[lo])
            {
                lo--;
            }

            int hi = runEnd;
            while (hi < cellsY && known[hi] && profile[hi] > 0 && profile[hi] <= profile[hi - 1])
            {
                hi++;
            }

            bool cut = lo == 0 || !known[lo - 1] || hi == cellsY || !known[hi];
            if (cut || runEnd - runStart > maxRunCells)
            {
                continue;
            }

            double mass = 0, moment = 0;
            for (int j = lo; j < hi; j++)
            {
                mass += profile[j];
                moment += profile[j] * Grid.CellCentreYM(j);
            }

            double centroid = moment / mass, spread = 0;
            for (int j = lo; j < hi; j++)
            {
                double d = Grid.CellCentreYM(j) - centroid;
                spread += profile[j] * d * d;
            }

            // Lateral σ² of the centroid. A peak over several cells came from area sampling (a map pixel wider than a
            // cell): its centroid has sub-cell information, σ² = spread² + cell²/12. A single-cell peak is a point sample
            // at the cell centre: the line may sit anywhere the neighbouring centres are not covered, and that error is the
            // same in every slice along a straight line (no averaging), so it gets σ = one cell.
            double cell = Grid.CellSizeM;
            double sigmaSq = hi - lo == 1 ? cell * cell : (spread / mass) + (cell * cell / 12);
            _peakY[baseIndex + count] = centroid;
            _peakWeight[baseIndex + count] = mass * cell / sigmaSq;
            count++;
        }

        return count;
    }
}

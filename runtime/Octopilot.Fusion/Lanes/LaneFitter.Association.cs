namespace Octopilot.Fusion.Lanes;

/// <summary>Step 2: peaks into boundary tracks, walking the slices outward from the ego.</summary>
public sealed partial class LaneFitter
{
    private void AssociatePeaks()
    {
        for (int t = 0; t < _trackCount; t++)
        {
            _tracks[t].Reset();
        }

        _trackCount = 0;
        for (int step = 0; step < _sliceCount; step++)
        {
            int slice = _walkOrder[step];
            if (_peakCount[slice] > 0)
            {
                AssociateSlice(slice);
            }
        }
    }

    /// <summary>
    /// Each peak goes to the nearest track whose gate holds it; a track claimed by several keeps the nearest. A peak
    /// left over starts a track unless it lies inside some track's gate (a second peak on one line: split paint).
    /// </summary>
    private void AssociateSlice(int slice)
    {
        double xM = _sliceXM[slice];
        int maxOrder = Options.PolynomialOrder;
        for (int t = 0; t < _trackCount; t++)
        {
            LaneTrack track = _tracks[t];
            track.Solve(maxOrder);
            _predictedY[t] = track.YAtM(xM);
            _gateM[t] = Options.GateM + (Options.GateGrowthPerM * track.ExtrapolationM(xM));
            _claimedBy[t] = -1;
        }

        int baseIndex = slice * MaxPeaksPerSlice;
        int peaks = _peakCount[slice];
        for (int p = 0; p < peaks; p++)
        {
            double y = _peakY[baseIndex + p];
            int best = -1;
            double bestDistance = double.PositiveInfinity;
            for (int t = 0; t < _trackCount; t++)
            {
                double distance = Math.Abs(y - _predictedY[t]);
                if (distance <= _gateM[t] && distance < bestDistance)
                {
                    best = t;
                    bestDistance = distance;
                }
            }

            _peakTrack[p] = best;
            if (best >= 0)
            {
                int rival = _claimedBy[best];
                if (rival < 0 || bestDistance < Math.Abs(_peakY[baseIndex + rival] - _predictedY[best]))
                {
                    if (rival >= 0)
                    {
                        _peakTrack[rival] = -2; // lost to a nearer peak: inside a gate, so it starts nothing
                    }

                    _claimedBy[best] = p;
                }
                else
                {
                    _peakTrack[p] = -2;
                }
            }
        }

        int existing = _trackCount;
        for (int t = 0; t < existing; t++)
        {
            int p = _claimedBy[t];
            if (p >= 0)
            {
                _tracks[t].Add(xM, _peakY[baseIndex + p], _peakWeight[baseIndex + p]);
            }
        }

        for (int p = 0; p < peaks && _trackCount < _tracks.Length; p++)
        {
            if (_peakTrack[p] == -1)
            {
                LaneTrack track = _tracks[_trackCount++];
                track.Reset();
                track.Add(xM, _peakY[baseIndex + p], _peakWeight[baseIndex + p]);
            }
        }
    }
}

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
        _inferredSource = -1;
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
            _tracks[t].Solve(maxOrder);
        }

        // A track shorter than the longest predicts parallel to it: a dash or two has a slope of its own only from the
        // map's lateral staircase (±0.2 m over a 3 m dash at 40 m), which, extrapolated across the unseen 20 m beside
        // the car, would carry it a lane over.
        int reference = LongestTrack();
        for (int t = 0; t < _trackCount; t++)
        {
            LaneTrack track = _tracks[t];
            bool parallel = reference >= 0 && t != reference && track.SpanM < _tracks[reference].SpanM;
            _predictedY[t] = parallel
                ? _tracks[reference].YAtM(xM) + track.MeanOffsetFromM(_tracks[reference])
                : track.YAtM(xM);
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

        for (int p = 0; p < peaks && _trackCount < _maxTracks; p++)
        {
            if (_peakTrack[p] == -1)
            {
                LaneTrack track = _tracks[_trackCount++];
                track.Reset();
                track.Add(xM, _peakY[baseIndex + p], _peakWeight[baseIndex + p]);
            }
        }
    }

    /// <summary>
    /// The track with the longest support (most weight on ties), or −1 when none spans
    /// <see cref="LaneTrack.MinSpanForSlopeM"/>: the shape short tracks borrow. Its last <see cref="LaneTrack.Solve"/> is used.
    /// </summary>
    private int LongestTrack()
    {
        int best = -1;
        for (int t = 0; t < _trackCount; t++)
        {
            LaneTrack track = _tracks[t];
            if (track.SpanM < LaneTrack.MinSpanForSlopeM)
            {
                continue;
            }

            if (best < 0 || track.SpanM > _tracks[best].SpanM || (track.SpanM == _tracks[best].SpanM && track.TotalWeight > _tracks[best].TotalWeight))
            {
                best = t;
            }
        }

        return best;
    }
}

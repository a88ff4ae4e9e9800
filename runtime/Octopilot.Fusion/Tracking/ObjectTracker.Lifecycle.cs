using System.Numerics;

namespace Octopilot.Fusion.Tracking;

/// <summary>Kalman updates, hit/miss bookkeeping, state transitions and births (rules: <see cref="ObjectTracker"/>).</summary>
public sealed partial class ObjectTracker
{
    private void ApplyAssignments(int measurementCount)
    {
        int windowMask = (1 << _options.ConfirmWindowSets) - 1;
        for (int t = 0; t < _slots.Length; t++)
        {
            ref TrackSlot slot = ref _slots[t];
            if (!slot.Live)
            {
                continue;
            }

            slot.AgeSets++;
            int m = _slotAssignment[t];
            if (m >= 0 && m < measurementCount)
            {
                ref readonly ObjectMeasurement z = ref _measurements[m];
                slot.Filter.Update(z.XM, z.YM, _measurementNoise[m]);
                slot.Hits++;
                slot.ConsecutiveMisses = 0;
                slot.HitHistory = (ushort)(((slot.HitHistory << 1) | 1) & windowMask);
                CarryAttributes(ref slot, z);
            }
            else
            {
                slot.ConsecutiveMisses++;
                slot.HitHistory = (ushort)((slot.HitHistory << 1) & windowMask);
            }

            slot.State = NextState(slot);
        }
    }

    private TrackState NextState(in TrackSlot slot)
    {
        // Far away a fresh measurement alone can be less certain than the fixed limit; the limit then follows it.
        double limitM = _options.MaxPositionSigmaOverRadialNoise > 0
            ? Math.Max(_options.MaxPositionSigmaM, _options.MaxPositionSigmaOverRadialNoise * Cov2.RadialSigmaM(Math.Sqrt((slot.Filter.X * slot.Filter.X) + (slot.Filter.Y * slot.Filter.Y)), _options))
            : _options.MaxPositionSigmaM;
        if (slot.Filter.MaxPositionSigmaM() > limitM)
        {
            return TrackState.Deleted; // too uncertain: it would gate anything
        }

        switch (slot.State)
        {
            case TrackState.Tentative:
                if (BitOperations.PopCount(slot.HitHistory) >= _options.ConfirmHits)
                {
                    return TrackState.Confirmed; // M of the last N: not clutter
                }

                if (slot.ConsecutiveMisses >= _options.TentativeMissesToDelete || slot.AgeSets >= _options.ConfirmWindowSets)
                {
                    return TrackState.Deleted; // clutter, or too sparse to ever confirm
                }

                return TrackState.Tentative;
            case TrackState.Confirmed:
                return slot.ConsecutiveMisses >= _options.ConfirmedMissesToDelete
                    ? TrackState.Deleted // gone from view longer than coasting covers
                    : TrackState.Confirmed;
            default:
                return slot.State;
        }
    }

    private void BirthFromUnassigned(int measurementCount, in EgoMotion ego)
    {
        double velocityVar = _options.BirthVelocitySigmaMps * _options.BirthVelocitySigmaMps;
        int free = 0;
        for (int m = 0; m < measurementCount; m++)
        {
            if (_measurementAssigned[m])
            {
                continue;
            }

            while (free < _slots.Length && _slots[free].Live)
            {
                free++;
            }

            if (free == _slots.Length)
            {
                RefusedBirths++;
                continue;
            }

            ref readonly ObjectMeasurement z = ref _measurements[m];
            ref TrackSlot slot = ref _slots[free];
            slot = default;
            slot.Live = true;
            slot.Id = _nextId++;
            slot.State = _options.ConfirmHits <= 1 ? TrackState.Confirmed : TrackState.Tentative;
            slot.AgeSets = 1;
            slot.Hits = 1;
            slot.HitHistory = 1;
            // Prior: at rest relative to the ego frame (v = v_ego + ω × r), since most traffic moves with us.
            double vx = ego.SpeedMps - (ego.YawRateRadps * z.YM);
            double vy = ego.YawRateRadps * z.XM;
            slot.Filter.Initialise(z.XM, z.YM, vx, vy, _measurementNoise[m], velocityVar);
            CarryAttributes(ref slot, z);
        }
    }

    // Size and class follow the latest measurement that states them; an unknown (0) never overwrites a known value.
    private static void CarryAttributes(ref TrackSlot slot, in ObjectMeasurement z)
    {
        if (z.LengthM > 0)
        {
            slot.LengthM = z.LengthM;
        }

        if (z.WidthM > 0)
        {
            slot.WidthM = z.WidthM;
        }

        if (z.ClassId != 0)
        {
            slot.ClassId = z.ClassId;
        }
    }
}

using Octopilot.Pipeline.Slabs;

namespace Octopilot.Pipeline.Assembly;

/// <summary>The camera side: begin a frame (get a slot), then complete or abort it.</summary>
public sealed partial class FrameSetAssembler
{
    /// <summary>
    /// Finds (or opens) the set for a frame that started at <paramref name="startOfFrameNs"/> and grants the slot of
    /// <paramref name="camera"/> in it. Returns false when the frame is late (its set already shipped) or there is no room
    /// even after newest-wins eviction; the frame is counted and the caller gives it back to the device. Never blocks.
    /// </summary>
    public bool TryBeginFrame(int camera, long startOfFrameNs, long cameraSequence, long nowNs, out FrameSlot slot)
    {
        uint bit = 1u << camera;
        lock (_gate)
        {
            ShipExpiredUnsynchronized(nowNs);
            if (startOfFrameNs <= _newestShippedMinStartNs + Options.SyncToleranceNs)
            {
                _counters[camera].AddLate();
                slot = default;
                return false;
            }

            FrameSlab? target = FindMatchingSetUnsynchronized(bit, startOfFrameNs) ?? OpenSetUnsynchronized(nowNs);
            if (target is null)
            {
                _counters[camera].AddDropped();
                slot = default;
                return false;
            }

            target.WritingMask |= bit;
            target.MinStartOfFrameNs = Math.Min(target.MinStartOfFrameNs, startOfFrameNs);
            target.MaxStartOfFrameNs = Math.Max(target.MaxStartOfFrameNs, startOfFrameNs);
            target.SetFrame(camera, startOfFrameNs, cameraSequence);
            slot = new FrameSlot(target, camera, target.Generation);
            return true;
        }
    }

    /// <summary>The slot's pixels are written: the frame joins its set, which ships if it is now complete.</summary>
    public void CompleteFrame(in FrameSlot slot, long nowNs) => EndFrame(slot, nowNs, arrived: true);

    /// <summary>The frame could not be written (corrupt, device error): the slot stays empty and the set goes on without it.</summary>
    public void AbortFrame(in FrameSlot slot, long nowNs) => EndFrame(slot, nowNs, arrived: false);

    private void EndFrame(in FrameSlot slot, long nowNs, bool arrived)
    {
        FrameSlab slab = slot.Slab;
        uint bit = 1u << slot.Camera;
        lock (_gate)
        {
            if (slab.Generation != slot.Generation || slab.State != SlabState.Filling || (slab.WritingMask & bit) == 0)
            {
                throw new InvalidOperationException(
                    $"frame slot for camera {slot.Camera} in slab {slab.Index} was already completed or its set dropped " +
                    $"(slot generation {slot.Generation}, slab generation {slab.Generation}, state {slab.State})");
            }

            slab.WritingMask &= ~bit;
            if (arrived)
            {
                slab.ArrivedMask |= bit;
                _counters[slot.Camera].AddCaptured();
            }

            ShipCompletedUnsynchronized(nowNs);
            ShipExpiredUnsynchronized(nowNs);
        }
    }

    /// <summary>The filling set this frame belongs to: slot free and start-of-frame spread within tolerance; closest wins.</summary>
    private FrameSlab? FindMatchingSetUnsynchronized(uint bit, long startOfFrameNs)
    {
        AssertLockHeld();
        FrameSlab? best = null;
        long bestDistanceNs = long.MaxValue;
        for (int i = 0; i < _pool.SlabCount; i++)
        {
            FrameSlab slab = _pool[i];
            if (slab.State != SlabState.Filling || ((slab.ArrivedMask | slab.WritingMask) & bit) != 0)
            {
                continue;
            }

            long low = Math.Min(slab.MinStartOfFrameNs, startOfFrameNs);
            long high = Math.Max(slab.MaxStartOfFrameNs, startOfFrameNs);
            if (high - low > Options.SyncToleranceNs)
            {
                continue;
            }

            long distanceNs = Math.Abs(startOfFrameNs - slab.MinStartOfFrameNs);
            if (distanceNs < bestDistanceNs)
            {
                best = slab;
                bestDistanceNs = distanceNs;
            }
        }

        return best;
    }

    /// <summary>A free slab for a new set; when none is free, newest wins: evict the oldest unstarted set.</summary>
    private FrameSlab? OpenSetUnsynchronized(long nowNs)
    {
        AssertLockHeld();
        FrameSlab? slab = FindFreeSlabUnsynchronized();
        if (slab is null && _readyCount > 0)
        {
            // Oldest set the consumer has not started: its frames are stale by the time it would be read.
            slab = _pool[DequeueReadyUnsynchronized()];
            DropSetUnsynchronized(slab);
        }

        if (slab is null)
        {
            slab = FindOldestIdleFillingSetUnsynchronized();
            if (slab is not null)
            {
                DropSetUnsynchronized(slab);
            }
        }

        if (slab is null)
        {
            return null;
        }

        slab.ResetForNewSet();
        slab.State = SlabState.Filling;
        slab.OpenedNs = nowNs;
        slab.DeadlineNs = nowNs + Options.SetDeadlineNs;
        return slab;
    }

    private FrameSlab? FindFreeSlabUnsynchronized()
    {
        for (int i = 0; i < _pool.SlabCount; i++)
        {
            if (_pool[i].State == SlabState.Free)
            {
                return _pool[i];
            }
        }

        return null;
    }

    private FrameSlab? FindOldestIdleFillingSetUnsynchronized()
    {
        FrameSlab? oldest = null;
        for (int i = 0; i < _pool.SlabCount; i++)
        {
            FrameSlab slab = _pool[i];
            if (slab.State == SlabState.Filling && slab.WritingMask == 0 && (oldest is null || slab.OpenedNs < oldest.OpenedNs))
            {
                oldest = slab;
            }
        }

        return oldest;
    }

    /// <summary>Frees a set nobody will read: each frame in it counts as dropped for its camera.</summary>
    private void DropSetUnsynchronized(FrameSlab slab)
    {
        AssertLockHeld();
        for (int camera = 0; camera < _counters.Length; camera++)
        {
            if ((slab.ArrivedMask & (1u << camera)) != 0)
            {
                _counters[camera].AddDropped();
            }
        }

        _setsDropped++;
        slab.State = SlabState.Free;
        slab.Generation++;
        slab.ResetForNewSet();
    }
}

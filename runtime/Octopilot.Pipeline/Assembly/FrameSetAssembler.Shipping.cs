using Octopilot.Pipeline.Slabs;

namespace Octopilot.Pipeline.Assembly;

/// <summary>Shipping sets (complete or at their deadline) and the consumer side: take, return.</summary>
public sealed partial class FrameSetAssembler
{
    /// <summary>
    /// Takes the oldest shipped set, first shipping any whose deadline has passed at <paramref name="nowNs"/>.
    /// The caller owns the lease and must dispose it.
    /// </summary>
    public bool TryTakeReady(long nowNs, out FrameSetLease lease)
    {
        lock (_gate)
        {
            ShipExpiredUnsynchronized(nowNs);
            if (_readyCount == 0)
            {
                lease = default;
                return false;
            }

            lease = TakeReadyUnsynchronized();
            return true;
        }
    }

    private FrameSetLease TakeReadyUnsynchronized()
    {
        AssertLockHeld();
        FrameSlab slab = _pool[DequeueReadyUnsynchronized()];
        slab.State = SlabState.Leased;
        _leasedCount++;
        return new FrameSetLease(this, slab, slab.Generation);
    }

    /// <summary>
    /// Blocks the consumer until a set is ready (or <paramref name="maxWaitMs"/> passed, or <paramref name="stopToken"/> fired),
    /// waking in time to ship a set at its deadline. Real-time waiting; tests drive <see cref="TryTakeReady"/> instead.
    /// </summary>
    public bool WaitAndTakeReady(Core.Time.IClock clock, int maxWaitMs, CancellationToken stopToken, out FrameSetLease lease)
    {
        long giveUpNs = clock.NowNs + (maxWaitMs * Core.Time.TimeUnits.NsPerMs);
        lock (_gate)
        {
            while (true)
            {
                long nowNs = clock.NowNs;
                ShipExpiredUnsynchronized(nowNs);
                if (_readyCount > 0)
                {
                    lease = TakeReadyUnsynchronized();
                    return true;
                }

                if (nowNs >= giveUpNs || stopToken.IsCancellationRequested)
                {
                    lease = default;
                    return false;
                }

                long wakeNs = Math.Min(giveUpNs, NextDeadlineUnsynchronized());
                long waitMs = Math.Clamp((wakeNs - nowNs + Core.Time.TimeUnits.NsPerMs - 1) / Core.Time.TimeUnits.NsPerMs, 1, maxWaitMs);

                // Releases the lock while waiting; ShipUnsynchronized pulses it.
                Monitor.Wait(_gate, (int)waitMs);
            }
        }
    }

    /// <summary>Called by <see cref="FrameSetLease.Dispose"/>: the slab goes back to the pool.</summary>
    internal void Return(FrameSlab slab, int generation)
    {
        lock (_gate)
        {
            if (slab.Generation != generation || slab.State != SlabState.Leased)
            {
                throw new InvalidOperationException(
                    $"frame set lease for slab {slab.Index} returned twice (lease generation {generation}, slab generation {slab.Generation}, state {slab.State})");
            }

            slab.State = SlabState.Free;
            slab.Generation++;
            slab.ResetForNewSet();
            _leasedCount--;
        }
    }

    /// <summary>Ships sets whose deadline passed and that no camera is still writing. Sets with no frame at all are freed.</summary>
    public void ShipExpired(long nowNs)
    {
        lock (_gate)
        {
            ShipExpiredUnsynchronized(nowNs);
        }
    }

    private long NextDeadlineUnsynchronized()
    {
        AssertLockHeld();
        long next = long.MaxValue;
        for (int i = 0; i < _pool.SlabCount; i++)
        {
            if (_pool[i].State == SlabState.Filling)
            {
                next = Math.Min(next, _pool[i].DeadlineNs);
            }
        }

        return next;
    }

    private void ShipExpiredUnsynchronized(long nowNs)
    {
        AssertLockHeld();
        while (true)
        {
            // Oldest first, so the consumer sees sets in capture order.
            FrameSlab? oldest = null;
            for (int i = 0; i < _pool.SlabCount; i++)
            {
                FrameSlab slab = _pool[i];
                if (slab.State == SlabState.Filling && slab.WritingMask == 0 && nowNs >= slab.DeadlineNs &&
                    (oldest is null || slab.MinStartOfFrameNs < oldest.MinStartOfFrameNs) &&
                    !HasOlderSetBeingWrittenUnsynchronized(slab))
                {
                    oldest = slab;
                }
            }

            if (oldest is null)
            {
                return;
            }

            if (oldest.ArrivedMask == 0)
            {
                oldest.State = SlabState.Free;
                oldest.Generation++;
                oldest.ResetForNewSet();
            }
            else
            {
                ShipUnsynchronized(oldest, nowNs);
            }
        }
    }

    /// <summary>
    /// Ships every filling set that has all online cameras, oldest first; older idle sets ship before it, incomplete,
    /// also oldest first, so the consumer always sees sets in capture order.
    /// </summary>
    private void ShipCompletedUnsynchronized(long nowNs)
    {
        AssertLockHeld();
        while (OldestFillingUnsynchronized(long.MaxValue, requireComplete: true) is { } complete)
        {
            // A complete set makes any older, idle set pointless to wait for: it ships now, in order.
            while (OldestFillingUnsynchronized(complete.MinStartOfFrameNs, requireComplete: false) is { } older)
            {
                ShipUnsynchronized(older, nowNs);
            }

            ShipUnsynchronized(complete, nowNs);
        }
    }

    /// <summary>
    /// The oldest filling set with frames, no camera writing, started before <paramref name="beforeNs"/>, and no older set
    /// still being written; with <paramref name="requireComplete"/> only one holding every online camera.
    /// </summary>
    private FrameSlab? OldestFillingUnsynchronized(long beforeNs, bool requireComplete)
    {
        FrameSlab? oldest = null;
        for (int i = 0; i < _pool.SlabCount; i++)
        {
            FrameSlab slab = _pool[i];
            if (slab.State != SlabState.Filling || slab.WritingMask != 0 || slab.ArrivedMask == 0 || slab.MinStartOfFrameNs >= beforeNs ||
                (requireComplete && (slab.ArrivedMask & _onlineMask) != _onlineMask) ||
                (oldest is not null && slab.MinStartOfFrameNs >= oldest.MinStartOfFrameNs))
            {
                continue;
            }

            oldest = slab;
        }

        // An older set still being written ships first; this one follows when that frame ends.
        return oldest is not null && !HasOlderSetBeingWrittenUnsynchronized(oldest) ? oldest : null;
    }

    /// <summary>
    /// True when a set older than <paramref name="slab"/> still has a camera writing into it. Shipping
    /// <paramref name="slab"/> now would hand the consumer a newer set before that older one, and the world model
    /// would see time go backwards (found by replaying a recorded drive: a lagging camera marked offline let a newer
    /// set ship while an older one was still being written). The writer finishes within one frame write.
    /// </summary>
    private bool HasOlderSetBeingWrittenUnsynchronized(FrameSlab slab)
    {
        AssertLockHeld();
        for (int j = 0; j < _pool.SlabCount; j++)
        {
            FrameSlab other = _pool[j];
            if (other.State == SlabState.Filling && other.WritingMask != 0 && other.MinStartOfFrameNs < slab.MinStartOfFrameNs)
            {
                return true;
            }
        }

        return false;
    }

    private void ShipUnsynchronized(FrameSlab slab, long nowNs)
    {
        AssertLockHeld();

        // Spread and order from the frames that actually arrived (an aborted frame may have widened the window).
        long minNs = long.MaxValue, maxNs = long.MinValue;
        uint all = Options.AllCamerasMask;
        for (int camera = 0; camera < _counters.Length; camera++)
        {
            if ((slab.ArrivedMask & (1u << camera)) != 0)
            {
                long sofNs = slab.StartOfFrameNs(camera);
                minNs = Math.Min(minNs, sofNs);
                maxNs = Math.Max(maxNs, sofNs);
            }
            else
            {
                _counters[camera].AddMissingFromSet();
            }
        }

        slab.MinStartOfFrameNs = minNs;
        slab.MaxStartOfFrameNs = maxNs;
        slab.State = SlabState.Ready;
        slab.SetSequence = _nextSetSequence++;
        slab.ShippedNs = nowNs;
        if ((slab.ArrivedMask & all) == all)
        {
            _setsComplete++;
        }
        else
        {
            _setsIncomplete++;
        }

        SkewHistogram.Record(maxNs - minNs);
        AssemblyLatencyHistogram.Record(nowNs - slab.OpenedNs);
        _newestShippedMinStartNs = Math.Max(_newestShippedMinStartNs, minNs);
        _readyQueue[(_readyHead + _readyCount) % _readyQueue.Length] = slab.Index;
        _readyCount++;
        Monitor.PulseAll(_gate);
    }

    private int DequeueReadyUnsynchronized()
    {
        AssertLockHeld();
        int index = _readyQueue[_readyHead];
        _readyHead = (_readyHead + 1) % _readyQueue.Length;
        _readyCount--;
        return index;
    }
}

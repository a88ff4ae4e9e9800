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
                    (oldest is null || slab.MinStartOfFrameNs < oldest.MinStartOfFrameNs))
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

    /// <summary>Ships every filling set that has all online cameras; older idle sets ship first, incomplete.</summary>
    private void ShipCompletedUnsynchronized(long nowNs)
    {
        AssertLockHeld();
        for (int i = 0; i < _pool.SlabCount; i++)
        {
            FrameSlab slab = _pool[i];
            if (slab.State != SlabState.Filling || slab.WritingMask != 0 || slab.ArrivedMask == 0 ||
                (slab.ArrivedMask & _onlineMask) != _onlineMask)
            {
                continue;
            }

            // A complete set makes any older, idle set pointless to wait for: it ships now, in order.
            for (int j = 0; j < _pool.SlabCount; j++)
            {
                FrameSlab older = _pool[j];
                if (older.State == SlabState.Filling && older.WritingMask == 0 && older.ArrivedMask != 0 &&
                    older.MinStartOfFrameNs < slab.MinStartOfFrameNs)
                {
                    ShipUnsynchronized(older, nowNs);
                }
            }

            ShipUnsynchronized(slab, nowNs);
        }
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

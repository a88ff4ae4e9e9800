using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Recording;
using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Slabs;
using Octopilot.Replay.Codecs;

namespace Octopilot.Replay.Recording;

/// <summary>
/// The frames of one processed set, handed to the recorder with the set's slab lease: the recorder thread compresses
/// each recorded camera's slot straight from the slab (no copy on the inference thread), then <see cref="Release"/>
/// returns the slab to the pipeline and this object to its pool. Reused; never allocated per set.
/// </summary>
internal sealed class FrameSetBatch : IDeferredRecordBatch
{
    private readonly FrameSetBatchPool _pool;
    private readonly int _widthPx;
    private readonly int _heightPx;
    private FrameSetLease _lease;
    private uint _recordedMask;

    public FrameSetBatch(FrameSetBatchPool pool, int widthPx, int heightPx)
    {
        _pool = pool;
        _widthPx = widthPx;
        _heightPx = heightPx;
    }

    public long TimestampNs { get; private set; }

    /// <summary>Takes ownership of <paramref name="lease"/> until <see cref="Release"/>.</summary>
    public void Load(in FrameSetLease lease, uint recordedMask, long timestampNs)
    {
        _lease = lease;
        _recordedMask = recordedMask;
        TimestampNs = timestampNs;
    }

    public void WriteRecords(IRecordSink sink)
    {
        FrameSlab slab = _lease.Slab;
        int frameBytes = _widthPx * _heightPx * 3;
        for (int c = 0; c < slab.CameraCount; c++)
        {
            if ((_recordedMask & (1u << c)) == 0)
            {
                continue;
            }

            Span<byte> scratch = sink.GetScratch(FrameCodec.MaxPayloadBytes(frameBytes));
            long startOfFrameNs = slab.StartOfFrameNs(c);
            int length = FrameCodec.Encode(
                _lease.SetSequence, slab.CameraSequence(c), startOfFrameNs, _widthPx, _heightPx, slab.Slot(c), scratch);
            sink.Append(RecordType.CameraFrame, RecordFlags.Lz4, (ushort)c, startOfFrameNs, scratch[..length]);
        }
    }

    public void Release()
    {
        FrameSetLease lease = _lease;
        _lease = default;
        lease.Dispose();
        _pool.Return(this);
    }
}

using Octopilot.Pipeline.Assembly;

namespace Octopilot.Host.Sim;

/// <summary>
/// Holds a copy of one complete frame set for the `--snapshot` pictures. The buffers are allocated before the run, so
/// taking the copy on the consumer thread allocates nothing; the copy is needed because the lease (and the slab) goes
/// back to the pool at once, while the PNGs are written after the run.
/// </summary>
internal sealed class SnapshotCapture
{
    private readonly byte[][] _frames;
    private readonly long[] _startOfFrameNs;
    private readonly long[] _sequence;
    private readonly long _notBeforeNs;
    private volatile bool _taken;

    public SnapshotCapture(int cameraCount, int frameBytes, long notBeforeStartOfFrameNs)
    {
        _frames = new byte[cameraCount][];
        for (int i = 0; i < cameraCount; i++)
        {
            _frames[i] = new byte[frameBytes];
        }

        _startOfFrameNs = new long[cameraCount];
        _sequence = new long[cameraCount];
        _notBeforeNs = notBeforeStartOfFrameNs;
    }

    public bool IsTaken => _taken;

    public IReadOnlyList<byte[]> Frames => _frames;

    public long StartOfFrameNs(int camera) => _startOfFrameNs[camera];

    public long Sequence(int camera) => _sequence[camera];

    /// <summary>Copies the set if it is the first complete one at or after the snapshot time. Consumer thread only.</summary>
    public void Offer(in FrameSetLease lease)
    {
        if (_taken || !lease.IsComplete || lease.Slab.MinStartOfFrameNs < _notBeforeNs)
        {
            return;
        }

        for (int camera = 0; camera < _frames.Length; camera++)
        {
            lease.Slab.Slot(camera).CopyTo(_frames[camera]);
            _startOfFrameNs[camera] = lease.Slab.StartOfFrameNs(camera);
            _sequence[camera] = lease.Slab.CameraSequence(camera);
        }

        _taken = true;
    }
}

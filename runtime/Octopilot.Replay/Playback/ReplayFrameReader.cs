using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Reading;
using Octopilot.Replay.Codecs;

namespace Octopilot.Replay.Playback;

/// <summary>
/// Streams a drive's camera frame records in file order, set by set, for replay: <see cref="TryNext"/> hands out the
/// next recorded frame of the asked set, straight from the reader's buffer, so the caller decompresses it into its
/// slab slot with no intermediate copy. Frames of sets the replay does not ask for are skipped; a frame of a later set
/// met early (its own set lost frames to damage) is held in a side buffer until asked for (the only copy, rare).
/// </summary>
public sealed class ReplayFrameReader : IDisposable
{
    private readonly DriveReader _reader;
    private byte[] _pending = new byte[1 << 20];
    private int _pendingLength;
    private int _pendingCamera = -1;
    private long _pendingSet;

    public ReplayFrameReader(string folder)
    {
        _reader = DriveReader.Open(folder);
    }

    /// <summary>Frame records passed over because their set was not asked for (before the replay window, or lost).</summary>
    public long SkippedFrames { get; private set; }

    /// <summary>
    /// The next frame record of set <paramref name="setSequence"/>: false once the stream has moved past that set (or
    /// ended). The payload is valid until the next call.
    /// </summary>
    public bool TryNext(long setSequence, out int camera, out ReadOnlySpan<byte> payload)
    {
        if (_pendingCamera >= 0)
        {
            if (_pendingSet > setSequence)
            {
                camera = -1;
                payload = default;
                return false;
            }

            bool match = _pendingSet == setSequence;
            camera = _pendingCamera;
            payload = _pending.AsSpan(0, _pendingLength);
            _pendingCamera = -1;
            if (match)
            {
                return true;
            }

            SkippedFrames++;
        }

        while (_reader.TryReadNext(out DriveRecord record))
        {
            if (record.Header.Type != RecordType.CameraFrame)
            {
                continue;
            }

            FrameHeader header;
            try
            {
                header = FrameCodec.ReadHeader(record.Payload);
            }
            catch (PayloadException)
            {
                SkippedFrames++;
                continue;
            }

            if (header.SetSequence < setSequence)
            {
                SkippedFrames++;
                continue;
            }

            camera = record.Header.StreamId;
            if (header.SetSequence == setSequence)
            {
                payload = record.Payload;
                return true;
            }

            Hold(record, header.SetSequence);
            payload = default;
            return false;
        }

        camera = -1;
        payload = default;
        return false;
    }

    public void Dispose() => _reader.Dispose();

    private void Hold(DriveRecord record, long setSequence)
    {
        if (_pending.Length < record.Payload.Length)
        {
            _pending = new byte[record.Payload.Length];
        }

        record.Payload.CopyTo(_pending);
        _pendingLength = record.Payload.Length;
        _pendingCamera = record.Header.StreamId;
        _pendingSet = setSequence;
    }
}

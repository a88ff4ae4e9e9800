namespace Octopilot.Replay.Codecs;

/// <summary>
/// A frame set as the consumer processed it: which cameras arrived, which of them were recorded (decimation, drops),
/// their start-of-frame times and sequence numbers, and the ego motion the world model used for it. Replay rebuilds
/// exactly this set, so the world model sees what it saw live. Owns fixed arrays sized for the rig (allocated once;
/// <see cref="FrameSetCodec.Read"/> fills an existing instance).
/// </summary>
public sealed class FrameSetRecord
{
    public FrameSetRecord(int cameraCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cameraCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cameraCount, 32);
        StartOfFrameNs = new long[cameraCount];
        CameraSequence = new long[cameraCount];
    }

    public int CameraCount => StartOfFrameNs.Length;

    public long SetSequence { get; set; }

    /// <summary>Bit i: camera i's frame was in the set.</summary>
    public uint ArrivedMask { get; set; }

    /// <summary>Bit i: camera i's frame was recorded (a subset of <see cref="ArrivedMask"/>).</summary>
    public uint RecordedMask { get; set; }

    /// <summary>Ego speed the world model was given for this set, m/s.</summary>
    public double EgoSpeedMps { get; set; }

    /// <summary>Ego yaw rate the world model was given for this set, rad/s.</summary>
    public double EgoYawRateRadps { get; set; }

    /// <summary>Per camera start of frame, ns (0 for a camera not in the set).</summary>
    public long[] StartOfFrameNs { get; }

    /// <summary>Per camera frame sequence number (0 for a camera not in the set).</summary>
    public long[] CameraSequence { get; }

    /// <summary>Newest start of frame of the set: the record's timestamp and the world model's stamp.</summary>
    public long NewestStartOfFrameNs
    {
        get
        {
            long newest = long.MinValue;
            for (int c = 0; c < CameraCount; c++)
            {
                if ((ArrivedMask & (1u << c)) != 0)
                {
                    newest = Math.Max(newest, StartOfFrameNs[c]);
                }
            }

            return newest == long.MinValue ? 0 : newest;
        }
    }
}

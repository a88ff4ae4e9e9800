namespace Octopilot.Replay.Codecs;

/// <summary>
/// <see cref="FrameSetRecord"/> ↔ bytes: set sequence (i64), camera count (u8), arrived mask, recorded mask (u32),
/// ego speed, yaw rate (f64), then per camera start of frame and sequence (i64 each).
/// </summary>
public static class FrameSetCodec
{
    public const int HeaderBytes = 8 + 1 + 4 + 4 + 8 + 8;

    public static int SizeOf(int cameraCount) => HeaderBytes + (cameraCount * 16);

    public static int Write(FrameSetRecord value, Span<byte> destination)
    {
        var c = new PayloadWriter(destination);
        c.WriteInt64(value.SetSequence);
        c.WriteByte((byte)value.CameraCount);
        c.WriteUInt32(value.ArrivedMask);
        c.WriteUInt32(value.RecordedMask);
        c.WriteDouble(value.EgoSpeedMps);
        c.WriteDouble(value.EgoYawRateRadps);
        for (int i = 0; i < value.CameraCount; i++)
        {
            c.WriteInt64(value.StartOfFrameNs[i]);
            c.WriteInt64(value.CameraSequence[i]);
        }

        return c.Position;
    }

    /// <summary>Fills <paramref name="value"/>, whose camera count must match the recorded one.</summary>
    public static void Read(ReadOnlySpan<byte> source, FrameSetRecord value)
    {
        PayloadChecks.RequireAtLeast(source, HeaderBytes, "frame set");
        var c = new PayloadReader(source);
        long sequence = c.ReadInt64();
        int cameras = c.ReadByte();
        if (cameras != value.CameraCount)
        {
            throw new PayloadException($"frame set {sequence} has {cameras} cameras; the drive's rig has {value.CameraCount}");
        }

        PayloadChecks.RequireLength(source, SizeOf(cameras), "frame set");
        value.SetSequence = sequence;
        value.ArrivedMask = c.ReadUInt32();
        value.RecordedMask = c.ReadUInt32();
        value.EgoSpeedMps = c.ReadDouble();
        value.EgoYawRateRadps = c.ReadDouble();
        for (int i = 0; i < cameras; i++)
        {
            value.StartOfFrameNs[i] = c.ReadInt64();
            value.CameraSequence[i] = c.ReadInt64();
        }
    }
}

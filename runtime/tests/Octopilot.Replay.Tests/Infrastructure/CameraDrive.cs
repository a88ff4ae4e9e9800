using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Writing;
using Octopilot.Replay.Codecs;
using Octopilot.Replay.Playback;

namespace Octopilot.Replay.Tests.Infrastructure;

/// <summary>
/// Writes a small drive with camera frames, as the recorder writes a processed set: each camera's LZ4 frame, then the
/// set record. Two cameras at 64x48 by default, 15 fps, camera 1 exposing 1 ms after camera 0; camera sequence numbers
/// start at <see cref="FirstSequence"/> (not 0, so a test sees that the recorded numbers come through). Pixels are a
/// deterministic pattern per (camera, frame) (<see cref="Pixels"/>), so a test can check every delivered byte.
/// </summary>
internal sealed class CameraDrive
{
    public const long StartNs = 5_000_000_000;
    public const long PeriodNs = 66_666_667;
    public const long CameraPhaseNs = 1_000_000;
    public const long FirstSequence = 7;
    public const int WidthPx = 64;
    public const int HeightPx = 48;
    public const int FrameBytes = WidthPx * HeightPx * 3;

    public static readonly string[] CameraNames = ["front", "rear"];

    /// <summary>Start of frame of camera <paramref name="camera"/>'s frame <paramref name="frame"/>, drive ns.</summary>
    public static long StartOfFrameNs(int camera, int frame) => StartNs + (frame * PeriodNs) + (camera * CameraPhaseNs);

    public static long Sequence(int frame) => FirstSequence + frame;

    /// <summary>The RGB24 pixels written for (camera, frame).</summary>
    public static byte[] Pixels(int camera, int frame)
    {
        var pixels = new byte[FrameBytes];
        for (int i = 0; i < pixels.Length; i++)
        {
            int x = i / 3 % WidthPx, y = i / 3 / WidthPx;
            pixels[i] = (byte)((x * 3) + (y * 7) + (frame * 11) + (camera * 50) + ((i % 3) * 85) + ((x * y * (frame + 1)) >> 4));
        }

        return pixels;
    }

    /// <summary>Writes <paramref name="frames"/> sets of <paramref name="cameras"/> cameras into one segment in <paramref name="folder"/>.</summary>
    public static SegmentInfo Write(string folder, int frames, int cameras = 2, Func<int, int, FrameDamage>? damage = null)
    {
        Directory.CreateDirectory(folder);
        var streams = new List<StreamInfo>();
        for (int c = 0; c < cameras; c++)
        {
            streams.Add(new StreamInfo { Type = RecordType.CameraFrame, StreamId = (ushort)c, Name = CameraNames[c], WidthPx = WidthPx, HeightPx = HeightPx });
        }

        streams.Add(new StreamInfo { Type = RecordType.FrameSet, StreamId = 0, Name = "inference" });
        var info = new SegmentInfo
        {
            DriveId = "camera-drive", SegmentIndex = 0, SoftwareVersion = "test", CreatedUtc = "2026-11-25T00:00:00Z", StartTimestampNs = StartNs,
            SegmentLengthS = 3600, ModelSha256 = string.Empty, Config = "{}", Rig = "{}", Streams = streams,
            Properties = new Dictionary<string, string> { [ReplayProperties.Perception] = "oracle", [ReplayProperties.FramesPerSecond] = "15" },
        };
        using SegmentWriter writer = SegmentWriter.Create(Path.Combine(folder, "segment-000000.oplog"), info);
        var scratch = new byte[FrameCodec.MaxPayloadBytes(FrameBytes)];
        var set = new FrameSetRecord(cameras);
        var setBytes = new byte[FrameSetCodec.SizeOf(cameras)];
        for (int k = 0; k < frames; k++)
        {
            for (int c = 0; c < cameras; c++)
            {
                long startNs = StartOfFrameNs(c, k);
                int length = FrameCodec.Encode(k, Sequence(k), startNs, WidthPx, HeightPx, Pixels(c, k), scratch);
                switch (damage?.Invoke(c, k) ?? FrameDamage.None)
                {
                    case FrameDamage.TruncatedBlock:
                        length = FrameCodec.PrefixBytes + ((length - FrameCodec.PrefixBytes) / 2);
                        break;
                    case FrameDamage.WrongSize:
                        BitConverter.TryWriteBytes(scratch.AsSpan(24), 32);
                        BitConverter.TryWriteBytes(scratch.AsSpan(28), 24);
                        BitConverter.TryWriteBytes(scratch.AsSpan(32), 32 * 24 * 3);
                        break;
                }

                writer.Append(RecordType.CameraFrame, RecordFlags.Lz4, (ushort)c, startNs, scratch.AsSpan(0, length));
                set.StartOfFrameNs[c] = startNs;
                set.CameraSequence[c] = Sequence(k);
            }

            set.SetSequence = k;
            set.ArrivedMask = set.RecordedMask = (1u << cameras) - 1;
            int setLength = FrameSetCodec.Write(set, setBytes);
            writer.Append(RecordType.FrameSet, RecordFlags.None, 0, set.NewestStartOfFrameNs, setBytes.AsSpan(0, setLength));
        }

        return info;
    }
}

using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Reading;
using Octopilot.DriveLog.Writing;

namespace Octopilot.Benchmarks.DriveLog;

/// <summary>Writes the reader benchmarks' drive: ~256 MiB in 4 segments of one record shape, into a fresh temp folder.</summary>
public static class DriveLogBenchmarkDrive
{
    public const long DriveBytes = 256L << 20;
    public const int SegmentCount = 4;
    public const int FramePayloadBytes = 384 * 288 * 3;
    public const int SmallPayloadBytes = 200;

    public static int PayloadBytes(DriveLogBenchmarkShape shape) =>
        shape == DriveLogBenchmarkShape.Frame332KB ? FramePayloadBytes : SmallPayloadBytes;

    public static string Write(DriveLogBenchmarkShape shape)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"octopilot-bench-drivelog-{shape}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var payload = new byte[PayloadBytes(shape)];
        new Random(6).NextBytes(payload);
        long recordsPerSegment = DriveBytes / SegmentCount / (RecordHeader.SizeBytes + payload.Length);
        RecordType type = shape == DriveLogBenchmarkShape.Frame332KB ? RecordType.CameraFrame : RecordType.VehicleState;
        long timestampNs = 0;
        for (int s = 0; s < SegmentCount; s++)
        {
            using SegmentWriter writer = SegmentWriter.Create(Path.Combine(folder, DriveFolder.SegmentFileName(s)), Info(s));
            for (long i = 0; i < recordsPerSegment; i++)
            {
                timestampNs += 1_000_000;
                payload[0] = (byte)i;
                writer.Append(type, RecordFlags.None, (ushort)(i % 8), timestampNs, payload);
            }
        }

        return folder;
    }

    public static void Delete(string folder)
    {
        if (folder.Length > 0 && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static SegmentInfo Info(int index) => new()
    {
        DriveId = "bench",
        SegmentIndex = index,
        SoftwareVersion = "bench",
        CreatedUtc = "2026-11-25T00:00:00Z",
        StartTimestampNs = 0,
        SegmentLengthS = 60,
        ModelSha256 = string.Empty,
        Config = "{}",
        Rig = "{}",
        Streams = [],
    };
}

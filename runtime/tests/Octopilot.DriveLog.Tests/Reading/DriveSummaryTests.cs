using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Reading;

namespace Octopilot.DriveLog.Tests.Reading;

public class DriveSummaryTests
{
    private const long StartNs = 5_000_000_000;
    private const long CameraPeriodNs = 100_000_000;    // 10 Hz
    private const long VehiclePeriodNs = 10_000_000;    // 100 Hz
    private const long SegmentNs = 2_000_000_000;       // 2 s of records per test segment

    [Fact]
    public void Read_CleanDrive_CountsStreamsRatesAndEvents()
    {
        using var folder = new TempFolder();
        WriteRegularDrive(folder, segmentCount: 3);

        DriveSummary summary = DriveSummary.Read(folder.Path);

        Assert.Equal(TestDrive.DriveId, summary.Info?.DriveId);
        Assert.Equal(StartNs, summary.FirstTimestampNs);
        Assert.Equal(StartNs + (3 * SegmentNs) - VehiclePeriodNs, summary.LastTimestampNs);
        Assert.Empty(summary.Damages);

        StreamSummary camera = summary.Streams.Single(s => s.Type == RecordType.CameraFrame && s.StreamId == 0);
        Assert.Equal("main_forward", camera.Name);
        Assert.Equal(60, camera.RecordCount);
        Assert.Equal(60 * 1000, camera.PayloadBytes);
        Assert.Equal(10, camera.RateHz, precision: 6);
        Assert.Equal(CameraPeriodNs, camera.LargestGapNs);

        StreamSummary vehicle = summary.Streams.Single(s => s.Type == RecordType.VehicleState);
        Assert.Equal(600, vehicle.RecordCount);
        Assert.Equal(100, vehicle.RateHz, precision: 6);

        // Declared in the header but never written: listed with no records.
        StreamSummary silent = summary.Streams.Single(s => s.Type == RecordType.CameraFrame && s.StreamId == 1);
        Assert.Equal(0, silent.RecordCount);
        Assert.True(silent.InHeader);

        Assert.Equal([new EventKindCount(4, 3, "dropped 2 frame sets"), new EventKindCount(100, 1, "alert: take over")], summary.EventsByKind);
        Assert.Equal(60 + 600 + 3 + 1, summary.RecordCount);
    }

    [Fact]
    public void Read_DriveWithLostSegmentAndDamage_ShowsTheGapAndTheDamage()
    {
        using var folder = new TempFolder();
        WriteRegularDrive(folder, segmentCount: 4);
        File.Delete(folder.Segment(1));
        byte[] bytes = File.ReadAllBytes(folder.Segment(2));
        bytes[^10] ^= 0x01;   // inside the last record's payload
        File.WriteAllBytes(folder.Segment(2), bytes);

        DriveSummary summary = DriveSummary.Read(folder.Path);

        StreamSummary camera = summary.Streams.Single(s => s.Type == RecordType.CameraFrame && s.StreamId == 0);
        Assert.Equal(SegmentNs + CameraPeriodNs, camera.LargestGapNs);
        Assert.Equal(StartNs + SegmentNs - CameraPeriodNs, camera.LargestGapStartNs);
        Assert.Equal([DriveLogDamageKind.MissingSegment, DriveLogDamageKind.PayloadCrcMismatch], summary.Damages.Select(d => d.Kind));
        Assert.True(summary.DamagedBytes > 0);

        string text = summary.ToText();
        Assert.Contains("1 missing: 1", text, StringComparison.Ordinal);
        Assert.Contains("MissingSegment", text, StringComparison.Ordinal);
        Assert.Contains("PayloadCrcMismatch in segment-000002.oplog", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_CleanDrive_NamesDriveStreamsEventsAndDuration()
    {
        using var folder = new TempFolder();
        WriteRegularDrive(folder, segmentCount: 2);

        string text = DriveSummary.Read(folder.Path).ToText();

        Assert.Contains(TestDrive.DriveId, text, StringComparison.Ordinal);
        Assert.Contains("duration: 3.990 s", text, StringComparison.Ordinal);
        Assert.Contains("main_forward", text, StringComparison.Ordinal);
        Assert.Contains("vehicle", text, StringComparison.Ordinal);
        Assert.Contains("dropped 2 frame sets", text, StringComparison.Ordinal);
        Assert.Contains("damage: none", text, StringComparison.Ordinal);
        Assert.Contains("none missing", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StreamNotInHeader_IsListedAsUndeclared()
    {
        using var folder = new TempFolder();
        TestDrive.WriteSegment(folder.Segment(0), 0, [new RecordSpec(RecordType.CameraFrame, RecordFlags.None, 7, 1, [1])]);

        DriveSummary summary = DriveSummary.Read(folder.Path);

        StreamSummary stream = summary.Streams.Single(s => s.StreamId == 7);
        Assert.False(stream.InHeader);
        Assert.Contains("(not in header)", summary.ToText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1536, "1.50 KiB")]
    [InlineData(3L << 30, "3.00 GiB")]
    public void FormatBytes_UsesBinaryUnits(long bytes, string expected)
    {
        Assert.Equal(expected, DriveSummary.FormatBytes(bytes));
    }

    /// <summary>Per segment, 2 s of: camera 0 at 10 Hz (1000-byte frames), vehicle state at 100 Hz; events in segment 0.</summary>
    private static void WriteRegularDrive(TempFolder folder, int segmentCount)
    {
        for (int s = 0; s < segmentCount; s++)
        {
            var records = new List<RecordSpec>();
            long segmentStartNs = StartNs + (s * SegmentNs);
            for (long t = segmentStartNs; t < segmentStartNs + SegmentNs; t += VehiclePeriodNs)
            {
                if ((t - StartNs) % CameraPeriodNs == 0)
                {
                    records.Add(new RecordSpec(RecordType.CameraFrame, RecordFlags.None, 0, t, new byte[1000]));
                }

                records.Add(new RecordSpec(RecordType.VehicleState, RecordFlags.None, 0, t, new byte[64]));
                if (s == 0 && t == segmentStartNs + (50 * VehiclePeriodNs))
                {
                    records.Add(new RecordSpec(RecordType.Event, RecordFlags.None, 0, t, TestDrive.EventPayload(100, "alert: take over")));
                    for (int i = 0; i < 3; i++)
                    {
                        records.Add(new RecordSpec(RecordType.Event, RecordFlags.None, 0, t, TestDrive.EventPayload(4, i == 0 ? "dropped 2 frame sets" : "dropped more")));
                    }
                }
            }

            TestDrive.WriteSegment(folder.Segment(s), s, records);
        }
    }
}

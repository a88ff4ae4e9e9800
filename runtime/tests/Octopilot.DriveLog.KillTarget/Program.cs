using System.Buffers.Binary;
using System.Globalization;
using Octopilot.Core.Time;
using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Recording;

namespace Octopilot.DriveLog.KillTarget;

/// <summary>
/// Records until killed: one producer writes <see cref="RecordType.ControlCommand"/> records on stream
/// <see cref="CounterStreamId"/> whose payload starts with a counter 0, 1, 2, ... (a refused record is retried with the
/// same counter, so the counters in the log must be contiguous), and every 128th record a 64 KiB camera batch is
/// offered (large writes, so the kill often cuts a record). Segments are 0.2 s long, flushed every 20 ms, never
/// fsynced (a SIGKILL leaves the kernel's page cache intact). Every 20 ms it prints
/// <c>flushed &lt;records handed to the kernel&gt; counter &lt;next counter&gt;</c>.
/// Usage: <c>dotnet Octopilot.DriveLog.KillTarget.dll &lt;new drive folder&gt;</c>.
/// </summary>
public static class Program
{
    public const ushort CounterStreamId = 1;
    public const int FramePayloadBytes = 64 << 10;
    private const int RecordsPerBatch = 128;
    private const long ReportPeriodNs = 20_000_000;

    public static int Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: Octopilot.DriveLog.KillTarget <new drive folder>");
            return 2;
        }

        var options = new RecorderOptions
        {
            DriveFolder = args[0],
            SegmentTemplate = new SegmentInfo
            {
                DriveId = "kill-target",
                SegmentIndex = 0,
                SoftwareVersion = "test",
                CreatedUtc = string.Empty,
                StartTimestampNs = 0,
                SegmentLengthS = 0,
                ModelSha256 = string.Empty,
                Config = "{}",
                Rig = "{}",
                Streams = [new StreamInfo { Type = RecordType.ControlCommand, StreamId = CounterStreamId, Name = "counter" }],
            },
            SegmentLengthS = 0.2,
            Fsync = FsyncPolicy.None,
            FlushIntervalMs = 20,
        };

        using var recorder = new DriveRecorder(options);
        RecordProducer producer = recorder.CreateProducer("counter");
        var statistics = new RecorderStatistics();
        var frame = new byte[FramePayloadBytes];
        Span<byte> payload = stackalloc byte[8 + 256];
        long nextReportNs = 0;
        Console.WriteLine("ready");
        for (long counter = 0; ; counter++)
        {
            int length = 8 + (int)(counter % 256);
            BinaryPrimitives.WriteInt64LittleEndian(payload, counter);
            payload[8..length].Fill((byte)counter);
            long nowNs = MonotonicClock.Instance.NowNs;
            while (!producer.TryWrite(RecordType.ControlCommand, CounterStreamId, nowNs, payload[..length]))
            {
                Thread.Sleep(1); // ring full: wait for the recorder, retry the same counter
            }

            if (counter % RecordsPerBatch == 0)
            {
                var batch = new FrameBatch(nowNs, frame);
                if (!recorder.TryEnqueueBatch(batch))
                {
                    batch.Release(); // refused: still ours
                }
            }

            if (nowNs >= nextReportNs)
            {
                recorder.ReadStatistics(statistics);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"flushed {statistics.RecordsFlushedToOs} counter {counter + 1}"));
                Console.Out.Flush();
                nextReportNs = nowNs + ReportPeriodNs;
            }

            if (counter % 64 == 63)
            {
                Thread.Sleep(1);
            }
        }
    }

    private sealed class FrameBatch(long timestampNs, byte[] frame) : IDeferredRecordBatch
    {
        public long TimestampNs => timestampNs;

        public void WriteRecords(IRecordSink sink) => sink.Append(RecordType.CameraFrame, RecordFlags.None, 0, timestampNs, frame);

        public void Release()
        {
        }
    }
}

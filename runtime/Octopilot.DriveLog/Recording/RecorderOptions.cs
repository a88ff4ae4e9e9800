using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Writing;

namespace Octopilot.DriveLog.Recording;

/// <summary>
/// Everything a <see cref="DriveRecorder"/> needs. Immutable; <see cref="Validate"/> runs once in the recorder's
/// constructor and names the rule and the value that broke it.
/// </summary>
public sealed record RecorderOptions
{
    /// <summary>Segment length, s: one minute, as openpilot's segments (a lost file costs at most a minute).</summary>
    public const double DefaultSegmentLengthS = 60.0;

    /// <summary>fsync interval, s: power loss costs at most about a second of drive.</summary>
    public const double DefaultFsyncIntervalS = 1.0;

    /// <summary>
    /// How often the writer's buffer goes to the kernel, ms: a killed process loses at most this much (plus what the
    /// producers' rings held). 50 ms = 5 planner ticks, under one camera frame period at 15 fps.
    /// </summary>
    public const int DefaultFlushIntervalMs = 50;

    /// <summary>
    /// Ring per producer, bytes (4 MiB). A tick producer writes about 100 records/s of 100–3,000 bytes (≤ 0.1 MB/s), so
    /// the ring holds tens of seconds of a stalled disk; camera batches are dropped long before it fills.
    /// </summary>
    public const int DefaultProducerCapacityBytes = 4 << 20;

    /// <summary>Producers a recorder can have (their array is allocated once).</summary>
    public const int DefaultMaxProducers = 16;

    /// <summary>
    /// Deferred batches (frame sets) waiting for the recorder thread: 3 sets at 15 fps is 200 ms of slack, and 3 slab
    /// leases held by the recorder at most, which the frame pipeline's slab pool must allow for.
    /// </summary>
    public const int DefaultMaxQueuedBatches = 3;

    /// <summary>
    /// A batch that waited longer than this, s, puts the recorder in the disk-behind state (batches refused until a drain
    /// cycle finds the backlog gone): at 15 fps a second is 15 sets nobody will miss next to the commands.
    /// </summary>
    public const double DefaultMaxBatchWaitS = 1.0;

    /// <summary>Longest segment, s (one hour): a segment is the unit of loss.</summary>
    public const double MaxSegmentLengthS = 3600.0;

    /// <summary>The drive folder. Created if missing; an error if it already holds segments (a drive is written once).</summary>
    public required string DriveFolder { get; init; }

    /// <summary>
    /// What every segment header says (drive id, software version, model, config, rig, streams). The recorder sets
    /// <see cref="SegmentInfo.SegmentIndex"/>, <see cref="SegmentInfo.StartTimestampNs"/>, <see cref="SegmentInfo.CreatedUtc"/>
    /// and <see cref="SegmentInfo.SegmentLengthS"/> per segment, and adds its notice stream to
    /// <see cref="SegmentInfo.Streams"/> (<see cref="DriveRecorder.NoticeStreamId"/>).
    /// </summary>
    public required SegmentInfo SegmentTemplate { get; init; }

    /// <summary>Segment length, s, on record timestamps; (0, <see cref="MaxSegmentLengthS"/>].</summary>
    public double SegmentLengthS { get; init; } = DefaultSegmentLengthS;

    public FsyncPolicy Fsync { get; init; } = FsyncPolicy.Interval;

    /// <summary>fsync period under <see cref="FsyncPolicy.Interval"/>, s; 0.01..3600.</summary>
    public double FsyncIntervalS { get; init; } = DefaultFsyncIntervalS;

    /// <summary>Buffer to kernel period, ms; 1..1000. Also the recorder thread's longest sleep.</summary>
    public int FlushIntervalMs { get; init; } = DefaultFlushIntervalMs;

    /// <summary>Ring size for <see cref="DriveRecorder.CreateProducer(string)"/>, bytes; see <see cref="RecordProducer.MinCapacityBytes"/> and <see cref="RecordProducer.MaxCapacityBytes"/>.</summary>
    public int ProducerCapacityBytes { get; init; } = DefaultProducerCapacityBytes;

    /// <summary>Most producers <see cref="DriveRecorder.CreateProducer(string, int)"/> may create; 1..256.</summary>
    public int MaxProducers { get; init; } = DefaultMaxProducers;

    /// <summary>Deferred batches the queue holds; 1..64. A full queue refuses the next batch (counted, the caller keeps it).</summary>
    public int MaxQueuedBatches { get; init; } = DefaultMaxQueuedBatches;

    /// <summary>Longest a batch may wait before the recorder counts itself behind, s; 0.01..60.</summary>
    public double MaxBatchWaitS { get; init; } = DefaultMaxBatchWaitS;

    /// <summary>The segment writer's buffer, bytes; 4 KiB..64 MiB (<see cref="SegmentWriter.DefaultBufferBytes"/>).</summary>
    public int SegmentBufferBytes { get; init; } = SegmentWriter.DefaultBufferBytes;

    /// <summary>
    /// Called on the recorder thread for each notice (start, rotation, drops, losses, stop, failure), once each. Must
    /// return quickly and must not call <see cref="DriveRecorder.Stop"/>; exceptions are caught and ignored. Allocates
    /// the message string per notice (a few per minute); null = no callback.
    /// </summary>
    public Action<RecorderEvent>? Notices { get; init; }

    /// <summary>Test seam: opens the segment file at a path (e.g. /dev/full). Null = <see cref="SegmentWriter.Create"/>.</summary>
    internal Func<string, SegmentInfo, int, SegmentWriter>? SegmentWriterFactory { get; init; }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DriveFolder))
        {
            RecorderThrowHelper.ThrowOption(nameof(DriveFolder), DriveFolder, "the drive folder must be a path");
        }

        ArgumentNullException.ThrowIfNull(SegmentTemplate, nameof(SegmentTemplate));
        if (!(SegmentLengthS > 0 && SegmentLengthS <= MaxSegmentLengthS))
        {
            RecorderThrowHelper.ThrowOption(nameof(SegmentLengthS), SegmentLengthS, $"segment length must be in (0, {MaxSegmentLengthS}] s");
        }

        if (!Enum.IsDefined(Fsync))
        {
            RecorderThrowHelper.ThrowOption(nameof(Fsync), Fsync, "fsync policy must be None, OnRotation or Interval");
        }

        if (!(FsyncIntervalS >= 0.01 && FsyncIntervalS <= 3600))
        {
            RecorderThrowHelper.ThrowOption(nameof(FsyncIntervalS), FsyncIntervalS, "fsync interval must be 0.01..3600 s");
        }

        if (FlushIntervalMs is < 1 or > 1000)
        {
            RecorderThrowHelper.ThrowOption(nameof(FlushIntervalMs), FlushIntervalMs, "flush interval must be 1..1000 ms");
        }

        if (ProducerCapacityBytes is < RecordProducer.MinCapacityBytes or > RecordProducer.MaxCapacityBytes)
        {
            RecorderThrowHelper.ThrowOption(nameof(ProducerCapacityBytes), ProducerCapacityBytes,
                $"a producer ring must be {RecordProducer.MinCapacityBytes}..{RecordProducer.MaxCapacityBytes} bytes");
        }
        if (MaxProducers is < 1 or > 256)
        {
            RecorderThrowHelper.ThrowOption(nameof(MaxProducers), MaxProducers, "producer count must be 1..256");
        }

        if (MaxQueuedBatches is < 1 or > 64)
        {
            RecorderThrowHelper.ThrowOption(nameof(MaxQueuedBatches), MaxQueuedBatches, "batch queue capacity must be 1..64");
        }

        if (!(MaxBatchWaitS >= 0.01 && MaxBatchWaitS <= 60))
        {
            RecorderThrowHelper.ThrowOption(nameof(MaxBatchWaitS), MaxBatchWaitS, "longest batch wait must be 0.01..60 s");
        }

        if (SegmentBufferBytes is < 4096 or > 64 << 20)
        {
            RecorderThrowHelper.ThrowOption(nameof(SegmentBufferBytes), SegmentBufferBytes, "segment buffer must be 4096..67108864 bytes");
        }
    }
}

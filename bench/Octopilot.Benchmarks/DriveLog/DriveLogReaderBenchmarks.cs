using BenchmarkDotNet.Attributes;
using Octopilot.DriveLog.Reading;

namespace Octopilot.Benchmarks.DriveLog;

/// <summary>
/// The drive log reader (issue #6, goal ≥ 1 GB/s on this machine): <see cref="DriveReader"/> over a ~256 MiB drive of
/// uncompressed payloads in 4 segments, page cache warm (written in setup), every record's two CRCs checked. Each
/// operation reads the whole drive and returns the file bytes read: throughput = 256 MiB / mean. Compares pipe
/// segment sizes (the record-split copies they cause) for frame-sized and small records.
/// </summary>
[MemoryDiagnoser]
public class DriveLogReaderBenchmarks
{
    private string _folder = string.Empty;
    private DriveReaderOptions _options = DriveReaderOptions.Default;

    [Params(DriveLogBenchmarkShape.Frame332KB, DriveLogBenchmarkShape.Small200B)]
    public DriveLogBenchmarkShape Shape { get; set; }

    /// <summary>Pipe segment size: the pipe's default 4 KiB, 256 KiB, 1 MiB, and 2 MiB (the reader's default and the pipe's cap with the shared pool).</summary>
    [Params(4 << 10, 256 << 10, 1 << 20, 2 << 20)]
    public int BufferBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = DriveLogBenchmarkDrive.Write(Shape);
        _options = new DriveReaderOptions { Segment = new SegmentReaderOptions { BufferBytes = BufferBytes } };
    }

    [GlobalCleanup]
    public void Cleanup() => DriveLogBenchmarkDrive.Delete(_folder);

    [Benchmark]
    public long ReadDrive()
    {
        using DriveReader reader = DriveReader.Open(_folder, _options);
        long checksum = 0;
        while (reader.TryReadNext(out DriveRecord record))
        {
            checksum += record.Payload.Length;
        }

        if (reader.Damages.Count != 0 || checksum != reader.PayloadBytesRead)
        {
            throw new InvalidOperationException($"benchmark drive read back with {reader.Damages.Count} damages");
        }

        return reader.FileBytesRead;
    }
}

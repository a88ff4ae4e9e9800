using BenchmarkDotNet.Attributes;
using Microsoft.Win32.SafeHandles;
using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Reading;

namespace Octopilot.Benchmarks.DriveLog;

/// <summary>
/// Ceilings and the alternative design for <see cref="DriveLogReaderBenchmarks"/>, same drive: reading the files in 2 MiB
/// pieces (page cache → user copy), the same plus CRC-32C over every byte (what any verifying reader must do), and
/// "RandomAccess into slabs": a <c>pread</c> of each record header, then of its payload into a reused slab, then its CRC
/// (no resynchronisation: the happy path only). Each returns the bytes read.
/// </summary>
[MemoryDiagnoser]
public class DriveLogReaderBaselineBenchmarks
{
    private const int ChunkBytes = 2 << 20;
    private string[] _segments = [];
    private readonly byte[] _chunk = new byte[ChunkBytes];
    private byte[] _slab = [];
    private string _folder = string.Empty;

    [Params(DriveLogBenchmarkShape.Frame332KB, DriveLogBenchmarkShape.Small200B)]
    public DriveLogBenchmarkShape Shape { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = DriveLogBenchmarkDrive.Write(Shape);
        _segments = [.. DriveFolder.Open(_folder).Segments.Select(s => s.Path)];
        _slab = new byte[DriveLogBenchmarkDrive.PayloadBytes(Shape)];
    }

    [GlobalCleanup]
    public void Cleanup() => DriveLogBenchmarkDrive.Delete(_folder);

    [Benchmark]
    public long ReadOnly() => ReadFiles(checksum: false);

    [Benchmark]
    public long ReadAndCrc() => ReadFiles(checksum: true);

    [Benchmark]
    public long RandomAccessPerRecord()
    {
        long total = 0;
        Span<byte> header = stackalloc byte[RecordHeader.SizeBytes];
        foreach (string path in _segments)
        {
            using SafeFileHandle file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            long length = RandomAccess.GetLength(file);
            RandomAccess.Read(file, header[..16], 0);
            SegmentHeader.TryReadLength(header[..16], out int offset, out _);
            long position = offset;
            while (position + RecordHeader.SizeBytes <= length)
            {
                RandomAccess.Read(file, header, position);
                if (!RecordHeader.TryRead(header, out RecordHeader record))
                {
                    throw new InvalidOperationException($"bad record header at {position} in {path}");
                }

                Span<byte> payload = _slab.AsSpan(0, record.PayloadLength);
                RandomAccess.Read(file, payload, position + RecordHeader.SizeBytes);
                if (RecordHeader.Crc32C(payload) != record.PayloadCrc)
                {
                    throw new InvalidOperationException($"payload CRC mismatch at {position} in {path}");
                }

                position += RecordHeader.SizeBytes + record.PayloadLength;
            }

            total += position;
        }

        return total;
    }

    private long ReadFiles(bool checksum)
    {
        long total = 0;
        uint crc = 0;
        foreach (string path in _segments)
        {
            using SafeFileHandle file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            long offset = 0;
            int read;
            while ((read = RandomAccess.Read(file, _chunk, offset)) > 0)
            {
                offset += read;
                if (checksum)
                {
                    crc ^= RecordHeader.Crc32C(_chunk.AsSpan(0, read));
                }
            }

            total += offset;
        }

        return total + (crc & 1);
    }
}

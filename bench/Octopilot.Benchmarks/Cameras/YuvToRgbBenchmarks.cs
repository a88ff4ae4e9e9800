using BenchmarkDotNet.Attributes;
using Octopilot.Cameras.Conversion;

namespace Octopilot.Benchmarks.Cameras;

/// <summary>
/// The conversion pass a camera whose format is not the model's costs (issue 11): one 1280x960 frame (the vehicle
/// computer's capture mode) from YUYV, UYVY or NV12 to RGB24, BT.601 limited range, random bytes. Must allocate 0 B.
/// </summary>
[MemoryDiagnoser]
public class YuvToRgbBenchmarks
{
    private const int Width = 1280, Height = 960;
    private readonly byte[] _packed = new byte[Width * Height * 2];
    private readonly byte[] _luma = new byte[Width * Height];
    private readonly byte[] _chroma = new byte[Width * Height / 2];
    private readonly byte[] _rgb = new byte[Width * Height * 3];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        random.NextBytes(_packed);
        random.NextBytes(_luma);
        random.NextBytes(_chroma);
    }

    [Benchmark]
    public void Yuyv() => YuvToRgb.Yuyv(_packed, Width * 2, _rgb, Width, Height, YuvMatrix.Bt601Limited);

    [Benchmark]
    public void Uyvy() => YuvToRgb.Uyvy(_packed, Width * 2, _rgb, Width, Height, YuvMatrix.Bt601Limited);

    [Benchmark]
    public void Nv12() => YuvToRgb.Nv12(_luma, Width, _chroma, Width, _rgb, Width, Height, YuvMatrix.Bt601Limited);
}

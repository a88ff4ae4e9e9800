using BenchmarkDotNet.Attributes;
using Octopilot.Cameras.Conversion;
using Octopilot.Cameras.V4l2.Device;
using Octopilot.Cameras.V4l2.Streaming;

namespace Octopilot.Benchmarks.Cameras;

/// <summary>
/// What a V4L2 camera's <c>ReadFrame</c> costs per 1280x960 frame (the vehicle computer's mode): the one pass from the
/// driver's mmap buffer into the slab, for each driver format, with the strides a driver states (YUYV rows padded to
/// 64 bytes, as many ISPs do). RGB24 is the "driver already gives the model's format" case: a copy instead of a
/// conversion. Must allocate 0 B.
/// </summary>
[MemoryDiagnoser]
public class DriverFrameConverterBenchmarks
{
    private const int Width = 1280, Height = 960;
    private readonly byte[] _rgb = new byte[Width * Height * 3];
    private byte[] _driverBuffer = [];
    private DriverFrameConverter _converter = null!;

    [Params("YUYV", "NV12", "RGB3")]
    public string Format { get; set; } = "YUYV";

    [GlobalSetup]
    public void Setup()
    {
        V4l2FourCc fourCc = V4l2FourCc.Of(Format);
        int stride = fourCc == V4l2FourCc.Rgb24 ? Width * 3 : fourCc == V4l2FourCc.Nv12 ? Width : (Width * 2) + 64;
        int size = fourCc == V4l2FourCc.Nv12 ? stride * Height * 3 / 2 : stride * Height;
        _driverBuffer = new byte[size];
        new Random(11).NextBytes(_driverBuffer);
        _converter = new DriverFrameConverter(new V4l2PixFormat(Width, Height, fourCc, stride, size, 8, 0, 0), YuvMatrix.Bt601Limited);
    }

    [Benchmark]
    public void IntoSlab() => _converter.Convert(_driverBuffer, _rgb);
}

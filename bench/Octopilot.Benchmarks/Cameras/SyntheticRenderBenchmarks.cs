using BenchmarkDotNet.Attributes;
using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Calibration;
using Octopilot.Testing;

namespace Octopilot.Benchmarks.Cameras;

/// <summary>
/// One synthetic camera frame of the default scenario (t = 4 s: the cut-in is under way), rendered on one thread as a
/// capture loop does. Budget: well under 3 ms per camera at 384x288 (8 cameras at 15 fps on 2 cores with headroom).
/// </summary>
[MemoryDiagnoser]
public class SyntheticRenderBenchmarks
{
    private const long SimTimeNs = 4_000_000_000;

    private HighwayRenderer _renderer = null!;
    private byte[] _rgb = null!;
    private LabelBuffer _labels = null!;

    [Params("main_forward", "wide_forward")]
    public string Camera { get; set; } = "main_forward";

    [Params("384x288", "1280x960")]
    public string Size { get; set; } = "384x288";

    [GlobalSetup]
    public void Setup()
    {
        CameraRig rig = RigFile.Load(RepositoryPaths.DefaultRig);
        var world = new HighwayWorld(ScenarioFile.Load(RepositoryPaths.DefaultScenario));
        string[] size = Size.Split('x');
        _renderer = new HighwayRenderer(rig[rig.IndexOf(Camera)].ScaledTo(int.Parse(size[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(size[1], System.Globalization.CultureInfo.InvariantCulture)), world);
        _rgb = new byte[_renderer.FrameBytes];
        _labels = _renderer.CreateLabelBuffer();
    }

    [Benchmark(Baseline = true)]
    public void Image() => _renderer.Render(SimTimeNs, _rgb);

    [Benchmark]
    public void ImageAndLabels() => _renderer.Render(SimTimeNs, _rgb, _labels);
}

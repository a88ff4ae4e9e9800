using BenchmarkDotNet.Attributes;
using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Calibration;

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
        string root = FindRepositoryRoot();
        CameraRig rig = RigFile.Load(Path.Combine(root, "runtime", "config", "rig-default-8cam.json"));
        var world = new HighwayWorld(ScenarioFile.Load(Path.Combine(root, "runtime", "config", "scenario-highway.json")));
        string[] size = Size.Split('x');
        _renderer = new HighwayRenderer(rig[rig.IndexOf(Camera)].ScaledTo(int.Parse(size[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(size[1], System.Globalization.CultureInfo.InvariantCulture)), world);
        _rgb = new byte[_renderer.FrameBytes];
        _labels = _renderer.CreateLabelBuffer();
    }

    [Benchmark(Baseline = true)]
    public void Image() => _renderer.Render(SimTimeNs, _rgb);

    [Benchmark]
    public void ImageAndLabels() => _renderer.Render(SimTimeNs, _rgb, _labels);

    private static string FindRepositoryRoot()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Runtime.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("run the benchmarks from inside the repository (no Runtime.sln found above the binaries or the working folder)");
    }
}

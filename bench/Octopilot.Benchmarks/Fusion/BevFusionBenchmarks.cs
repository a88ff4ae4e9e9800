using BenchmarkDotNet.Attributes;
using Octopilot.Core.Calibration;
using Octopilot.Fusion.Bev;
using Octopilot.Inference.Perception;
using Octopilot.Testing;

namespace Octopilot.Benchmarks.Fusion;

/// <summary>
/// BEV fusion of one 8-camera set on the default grid (150 m x 40 m at 0.25 m: 96,000 cells) from 96x72 maps (the sim's
/// 384x288 capture at stride 4): the gather of lanes + drivable through the lookup table. Map values are random in [0, 1].
/// <see cref="MissingCamera"/> −1: every camera valid (the usual set, branch-free gather); 5: one camera missing (the
/// masked gather that renormalises over the valid sources). <see cref="SolidLinesHead"/>: the model has the optional
/// solid_lines head (a third gather) or not (that layer is cleared). Also the one-off table build at start-up.
/// </summary>
[MemoryDiagnoser]
public class BevFusionBenchmarks
{
    private const int CaptureWidthPx = 384;
    private const int CaptureHeightPx = 288;
    private const int StridePx = 4;
    private const int MapWidth = CaptureWidthPx / StridePx;
    private const int MapHeight = CaptureHeightPx / StridePx;

    private CameraRig _rig = null!;
    private BevFusion _fusion = null!;
    private PerceptionFrameSet _set = null!;
    private BevLayers _layers = null!;

    [Params(-1, 5)]
    public int MissingCamera { get; set; }

    [Params(false, true)]
    public bool SolidLinesHead { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rig = RigFile.Load(RepositoryPaths.DefaultRig).ScaledTo(CaptureWidthPx, CaptureHeightPx);
        _fusion = new BevFusion(BevLookupTable.Build(_rig, new BevGridOptions(), MapWidth, MapHeight, StridePx));
        _layers = _fusion.CreateLayers();
        _set = PerceptionFrameSet.CreateDetached(_rig.Cameras.Select(c => c.Name).ToArray(), MapHeight, MapWidth, maxDetections: 32);
        var random = new Random(5);
        for (int camera = 0; camera < _rig.Count; camera++)
        {
            foreach (HeadKind head in (ReadOnlySpan<HeadKind>)[HeadKind.Lanes, HeadKind.Drivable, HeadKind.SolidLines])
            {
                Span<float> map = _set.WritableMap(head, camera);
                for (int i = 0; i < map.Length; i++)
                {
                    map[i] = random.NextSingle();
                }
            }

            bool present = camera != MissingCamera;
            CameraPerception perception = _set.Cameras[camera];
            perception.FramePresent = present;
            perception.SetValid(HeadKind.Lanes, present);
            perception.SetValid(HeadKind.Drivable, present);
            perception.SetValid(HeadKind.SolidLines, present && SolidLinesHead);
        }
    }

    /// <summary>Per frame set: lanes + drivable (+ solid lines when the model has them) into the grid, with the known layers.</summary>
    [Benchmark]
    public int FuseLanesAndDrivable()
    {
        _fusion.Fuse(_set, _layers);
        return _layers.LanesKnownCellCount;
    }

    /// <summary>Once at start-up: 96,000 cells x 8 cameras of flat-ground projection.</summary>
    [Benchmark]
    public int BuildTable() =>
        BevLookupTable.Build(_rig, new BevGridOptions(), MapWidth, MapHeight, StridePx).OverlapCellCount;
}

using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Calibration;
using Octopilot.Fusion.Bev;
using Octopilot.Inference.Perception;
using Octopilot.Perception.Oracle;

namespace Octopilot.Fusion.Tests.Infrastructure;

/// <summary>
/// The default rig (384x288, stride 4) rendering a highway world through the oracle decoder: per call to
/// <see cref="Capture"/> all eight cameras render their labels at the same sim time, the oracle fills
/// <see cref="Set"/>, and <see cref="Layers"/> holds the fused BEV. Ground truth comes from the same world
/// (<see cref="VehicleInEgo"/>), so a test compares what the BEV path believes with where things are.
/// One instance per test (mutable scratch); the lookup table is the shared <see cref="DefaultRigTable"/>.
/// </summary>
internal sealed class OracleScene
{
    public static readonly string[] ClassNames = ["vehicle", "pedestrian", "cyclist"];

    private readonly HighwayRenderer[] _renderers;
    private readonly LabelBuffer[] _labels;
    private readonly byte[] _rgbScratch;
    private readonly OracleDecoder _decoder;
    private readonly BevFusion _fusion;
    private long _setSequence;

    public OracleScene(HighwayWorld world, int maxDetections = 16)
    {
        World = world;
        CameraRig rig = DefaultRigTable.Rig;
        _renderers = new HighwayRenderer[rig.Count];
        _labels = new LabelBuffer[rig.Count];
        for (int c = 0; c < rig.Count; c++)
        {
            _renderers[c] = new HighwayRenderer(rig[c], world);
            _labels[c] = _renderers[c].CreateLabelBuffer();
        }

        _rgbScratch = new byte[_renderers[0].FrameBytes];
        _decoder = new OracleDecoder(rig, DefaultRigTable.CaptureWidthPx, DefaultRigTable.CaptureHeightPx, DefaultRigTable.StridePx, ClassNames, maxDetections);
        Set = _decoder.CreateResults();
        _fusion = new BevFusion(DefaultRigTable.Table);
        Layers = _fusion.CreateLayers();
    }

    public HighwayWorld World { get; }

    public static CameraRig Rig => DefaultRigTable.Rig;

    public PerceptionFrameSet Set { get; }

    public BevLayers Layers { get; }

    /// <summary>Label buffer camera <paramref name="camera"/> rendered on the last <see cref="Capture"/>.</summary>
    public LabelBuffer Labels(int camera) => _labels[camera];

    /// <summary>
    /// Renders every camera not in <paramref name="missingCameraMask"/> at <paramref name="simTimeNs"/>, decodes them into
    /// <see cref="Set"/> (start of frame = <paramref name="simTimeNs"/> + camera·<paramref name="phaseStepNs"/>, each camera
    /// rendered at its own start of frame) and fuses the BEV.
    /// </summary>
    public void Capture(long simTimeNs, uint missingCameraMask = 0, long phaseStepNs = 0)
    {
        _decoder.BeginSet(Set, _setSequence++);
        for (int c = 0; c < _renderers.Length; c++)
        {
            if ((missingCameraMask & (1u << c)) != 0)
            {
                continue;
            }

            long startOfFrameNs = simTimeNs + (c * phaseStepNs);
            _renderers[c].Render(startOfFrameNs, _rgbScratch, _labels[c]);
            _decoder.Decode(Set, c, _labels[c], startOfFrameNs);
        }

        _fusion.Fuse(Set, Layers);
    }

    /// <summary>Ground truth: vehicle <paramref name="index"/>'s footprint centre in the ego frame at a sim time, metres.</summary>
    public (double XM, double YM) VehicleInEgo(int index, long simTimeNs) => ToEgo(World.VehiclePoseAt(index, simTimeNs), simTimeNs);

    /// <summary>Ground truth: a world pose in the ego frame at a sim time (x forward, y left), metres.</summary>
    public (double XM, double YM) ToEgo(Pose2D worldPose, long simTimeNs)
    {
        Pose2D ego = World.EgoPoseAt(simTimeNs);
        double dx = worldPose.XM - ego.XM, dy = worldPose.YM - ego.YM;
        (double sin, double cos) = Math.SinCos(ego.HeadingRad);
        return ((cos * dx) + (sin * dy), (-sin * dx) + (cos * dy));
    }

    /// <summary>Ground truth: lateral offset (ego y) of the road line at road lateral <paramref name="roadLateralM"/>, at ego x = <paramref name="xM"/>.</summary>
    public double RoadLineYAtM(double roadLateralM, double xM, long simTimeNs)
    {
        Pose2D ego = World.EgoPoseAt(simTimeNs);
        RoadPoint egoRoad = World.EgoRoadPointAt(ego, simTimeNs);
        // Walk along the line to the station whose ego x is xM (Newton on a smooth, nearly linear map).
        double station = egoRoad.StationM + xM;
        for (int i = 0; i < 8; i++)
        {
            (double x, _) = ToEgo(World.Road.RoadToWorld(station, roadLateralM), simTimeNs);
            station += xM - x;
        }

        return ToEgo(World.Road.RoadToWorld(station, roadLateralM), simTimeNs).YM;
    }
}

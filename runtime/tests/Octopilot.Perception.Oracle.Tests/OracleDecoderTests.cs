using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Calibration;
using Octopilot.Core.Labels;
using Octopilot.Inference.Perception;
using Octopilot.Testing;

namespace Octopilot.Perception.Oracle.Tests;

/// <summary>The oracle decoder on frames rendered from the default rig and scenario, checked against the label buffer itself.</summary>
public class OracleDecoderTests
{
    private const int Width = 384;
    private const int Height = 288;
    private const int Stride = 4;
    private const long SimTimeNs = 1_500_000_000;
    private static readonly string[] Classes = ["vehicle", "pedestrian", "cyclist"];
    private static readonly Lazy<CameraRig> Rig = new(() => RigFile.Load(RepositoryPaths.DefaultRig));

    private static (OracleDecoder Decoder, PerceptionFrameSet Set, LabelBuffer Labels, int Camera) DecodeMainForward()
    {
        CameraRig rig = Rig.Value;
        int camera = rig.IndexOf("main_forward");
        HighwayWorld world = SyntheticCameraRig.LoadWorld(RepositoryPaths.DefaultScenario);
        var renderer = new HighwayRenderer(rig[camera].ScaledTo(Width, Height), world);
        LabelBuffer labels = renderer.CreateLabelBuffer();
        renderer.Render(SimTimeNs, new byte[renderer.FrameBytes], labels);
        var decoder = new OracleDecoder(rig, Width, Height, Stride, Classes, maxDetections: 16);
        PerceptionFrameSet set = decoder.CreateResults();
        decoder.BeginSet(set, 7);
        decoder.Decode(set, camera, labels, 123);
        return (decoder, set, labels, camera);
    }

    private static (int Lanes, int Drivable, int Sky) CountBlock(LabelBuffer labels, int mx, int my)
    {
        int lanes = 0, drivable = 0, sky = 0;
        for (int v = my * Stride; v < (my + 1) * Stride; v++)
        {
            for (int u = mx * Stride; u < (mx + 1) * Stride; u++)
            {
                LabelClass c = labels.ClassAt(u, v);
                lanes += LabelClasses.IsLaneMarking(c) ? 1 : 0;
                drivable += LabelClasses.IsDrivable(c) ? 1 : 0;
                sky += c == LabelClass.Sky ? 1 : 0;
            }
        }

        return (lanes, drivable, sky);
    }

    [Fact]
    public void Decode_MainForward_LanesHighOverMarkingsZeroInSkyDrivableMatchesRoad()
    {
        (OracleDecoder decoder, PerceptionFrameSet set, LabelBuffer labels, int camera) = DecodeMainForward();
        ReadOnlySpan<float> lanes = set.Map(HeadKind.Lanes, camera);
        ReadOnlySpan<float> drivable = set.Map(HeadKind.Drivable, camera);
        ReadOnlySpan<float> depth = set.Map(HeadKind.Depth, camera);
        Assert.Equal((Height / Stride, Width / Stride), (set.MapHeight, set.MapWidth));

        int fullMarkingCells = 0, skyCells = 0, roadCells = 0;
        for (int my = 0; my < decoder.MapHeight; my++)
        {
            for (int mx = 0; mx < decoder.MapWidth; mx++)
            {
                int i = (my * decoder.MapWidth) + mx;
                (int laneCount, int drivableCount, int skyCount) = CountBlock(labels, mx, my);
                Assert.Equal(laneCount / 16f, lanes[i]);
                Assert.Equal(drivableCount / 16f, drivable[i]);
                Assert.True(float.IsFinite(depth[i]) && depth[i] >= 0);
                if (laneCount == 16)
                {
                    fullMarkingCells++;
                    Assert.Equal(1f, lanes[i]);
                }

                if (skyCount == 16)
                {
                    skyCells++;
                    Assert.Equal(0f, lanes[i]);
                    Assert.Equal(0f, drivable[i]);
                    Assert.Equal(0f, depth[i]);
                }
                else
                {
                    Assert.True(depth[i] > 0);
                }

                if (drivableCount == 16)
                {
                    roadCells++;
                }
            }
        }

        Assert.True(fullMarkingCells > 5, $"only {fullMarkingCells} cells lie fully on lane markings");
        Assert.True(skyCells > 100, $"only {skyCells} sky cells");
        Assert.True(roadCells > 100, $"only {roadCells} road cells");

        // Drivable ≈ road: the drivable mass equals the road + marking pixel share of the image.
        int roadPixels = 0;
        foreach (byte c in labels.ClassMap)
        {
            roadPixels += LabelClasses.IsDrivable((LabelClass)c) ? 1 : 0;
        }

        float drivableMass = 0;
        foreach (float f in drivable)
        {
            drivableMass += f;
        }

        Assert.Equal(roadPixels / 16.0, drivableMass, 0.5);
        Assert.Equal(7, set.SetSequence);
        CameraPerception perception = set.Cameras[camera];
        Assert.True(perception.FramePresent);
        Assert.Equal(123, perception.StartOfFrameNs);
        foreach (HeadKind head in Enum.GetValues<HeadKind>())
        {
            Assert.True(perception.IsValid(head));
        }

        // Cameras not decoded into the set read as missing.
        CameraPerception other = set.Cameras[(camera + 1) % set.Cameras.Count];
        Assert.False(other.FramePresent);
        Assert.False(other.IsValid(HeadKind.Lanes));
        Assert.Equal(0, other.DetectionCount);
    }

    [Fact]
    public void Decode_MainForward_SolidLinesIsTheSolidPaintShareAndZeroOnDashedDividers()
    {
        (OracleDecoder decoder, PerceptionFrameSet set, LabelBuffer labels, int camera) = DecodeMainForward();
        ReadOnlySpan<float> solid = set.Map(HeadKind.SolidLines, camera);
        ReadOnlySpan<float> lanes = set.Map(HeadKind.Lanes, camera);

        int solidCells = 0, dashedOnlyCells = 0;
        for (int my = 0; my < decoder.MapHeight; my++)
        {
            for (int mx = 0; mx < decoder.MapWidth; mx++)
            {
                int i = (my * decoder.MapWidth) + mx;
                int solidCount = 0, dashedCount = 0;
                for (int v = my * Stride; v < (my + 1) * Stride; v++)
                {
                    for (int u = mx * Stride; u < (mx + 1) * Stride; u++)
                    {
                        LabelClass c = labels.ClassAt(u, v);
                        solidCount += c == LabelClass.SolidLaneMarking ? 1 : 0;
                        dashedCount += c == LabelClass.LaneMarking ? 1 : 0;
                    }
                }

                Assert.Equal(solidCount / 16f, solid[i]);
                Assert.True(solid[i] <= lanes[i], $"cell {i}: solid {solid[i]} above lanes {lanes[i]}");
                solidCells += solidCount > 0 ? 1 : 0;
                if (dashedCount > 0 && solidCount == 0)
                {
                    dashedOnlyCells++;
                    Assert.Equal(0f, solid[i]);
                    Assert.True(lanes[i] > 0);
                }
            }
        }

        // The default scene has both: edge lines (solid) and lane dividers (dashed) in front of the car.
        Assert.True(solidCells > 20, $"only {solidCells} cells hold solid paint");
        Assert.True(dashedOnlyCells > 5, $"only {dashedOnlyCells} cells hold dashed paint and no solid paint");
        Assert.True(set.Cameras[camera].IsValid(HeadKind.SolidLines));
        Assert.False(set.Cameras[(camera + 1) % set.Cameras.Count].IsValid(HeadKind.SolidLines));
    }

    [Fact]
    public void Decode_MainForward_EachVisibleVehicleBecomesOneDetectionWithItsBox()
    {
        (OracleDecoder decoder, PerceptionFrameSet set, LabelBuffer labels, int camera) = DecodeMainForward();
        CameraCalibration calibration = Rig.Value[camera].ScaledTo(Width, Height);
        ReadOnlySpan<Detection> detections = set.Cameras[camera].Detections;
        Assert.True(labels.ObjectCount > 0, "main_forward sees no vehicle in the default scenario");
        Assert.Equal(labels.ObjectCount, detections.Length);
        Assert.Equal(0, decoder.VehicleClassIndex);

        for (int i = 1; i < detections.Length; i++)
        {
            Assert.True(detections[i - 1].DepthM <= detections[i].DepthM, "detections are nearest first");
        }

        foreach (ObjectLabel o in labels.Objects)
        {
            float u = (o.MinUPx + o.MaxUPx) / 2f, v = (o.MinVPx + o.MaxVPx) / 2f;
            Detection d = Assert.Single(detections.ToArray(), x => x.CenterUPx == u && x.CenterVPx == v);
            Assert.Equal(1f, d.Score);
            Assert.Equal(0, d.ClassIndex);
            Assert.Equal(o.MaxUPx - o.MinUPx + 1, d.WidthPx);
            Assert.Equal(o.MaxVPx - o.MinVPx + 1, d.HeightPx);
            double expectedDepth = calibration.EgoToCamera.Apply(o.GroundCentreEgoM).Z;
            Assert.Equal(expectedDepth, d.DepthM, 1e-3);

            // For a vehicle wholly in the image the footprint centre lies behind its nearest visible surface (one cut
            // by the image edge may have its centre off-image and nearer than anything it shows).
            bool insideImage = o.MinUPx > 0 && o.MinVPx > 0 && o.MaxUPx < Width - 1 && o.MaxVPx < Height - 1;
            Assert.True(!insideImage || d.DepthM >= o.MinDepthM, $"object {o.ObjectId}: depth {d.DepthM} < nearest surface {o.MinDepthM}");
        }
    }

    [Fact]
    public void Decode_AfterWarmUp_AllocatesNothing()
    {
        (OracleDecoder decoder, PerceptionFrameSet set, LabelBuffer labels, int camera) = DecodeMainForward();
        decoder.BeginSet(set, 8);
        decoder.Decode(set, camera, labels, 456);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            decoder.BeginSet(set, 9 + i);
            for (int c = 0; c < decoder.CameraCount; c++)
            {
                decoder.Decode(set, c, labels, 1000 + c);
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0L, allocated);
    }

    [Fact]
    public void Constructor_ClassListWithoutVehicle_Throws() =>
        Assert.Throws<ArgumentException>(() => new OracleDecoder(Rig.Value, Width, Height, Stride, ["pedestrian"], 16));

    [Fact]
    public void Constructor_StrideNotDividingImage_Throws() =>
        Assert.Throws<ArgumentException>(() => new OracleDecoder(Rig.Value, Width, Height, 7, Classes, 16));
}

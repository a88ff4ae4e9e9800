using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Octopilot.Core.Labels;
using Octopilot.Host.Tests.Infrastructure;
using StbImageSharp;

namespace Octopilot.Host.Tests.Cli;

/// <summary>What a small export writes: every file of every camera, at the mode's size, with valid contents.</summary>
public sealed class DatasetExportFilesTests : IClassFixture<DatasetExportRun>
{
    private const int W = DatasetExportRun.WidthPx, H = DatasetExportRun.HeightPx;
    private readonly DatasetExportRun _export;

    public DatasetExportFilesTests(DatasetExportRun export) => _export = export;

    [Fact]
    public void Export_SmallRun_WritesEveryCameraFileAtTheModeSizeAndPrintsASummary()
    {
        Assert.Equal(["000000", "000001", "000002"], _export.SampleIds);
        Assert.Equal(8, _export.Cameras.Count);
        foreach (string id in _export.SampleIds)
        {
            Assert.Equal(_export.Cameras.Count * 4, Directory.GetFiles(Path.Combine(_export.OutDirectory, "samples", id)).Length);
            foreach (string camera in _export.Cameras)
            {
                byte[] rgb = DatasetExportRun.ReadPng(_export.CameraFile(id, camera, ".png"), ColorComponents.RedGreenBlue, out int w, out int h, out ColorComponents stored);
                Assert.Equal((W, H, ColorComponents.RedGreenBlue, W * H * 3), (w, h, stored, rgb.Length));
                byte[] classes = DatasetExportRun.ReadPng(_export.CameraFile(id, camera, ".class.png"), ColorComponents.Grey, out w, out h, out stored);
                Assert.Equal((W, H, ColorComponents.Grey, W * H), (w, h, stored, classes.Length));
                Assert.Equal(NpyHeaderBytes + (W * H * sizeof(float)), new FileInfo(_export.CameraFile(id, camera, ".depth.npy")).Length);
                using JsonDocument objects = JsonDocument.Parse(File.ReadAllText(_export.CameraFile(id, camera, ".objects.json")));
                Assert.Equal(JsonValueKind.Array, objects.RootElement.ValueKind);
            }
        }

        Assert.Contains("wrote 3 samples", _export.Run.Output, StringComparison.Ordinal);
        Assert.Contains("97 files", _export.Run.Output, StringComparison.Ordinal);
        Assert.Contains("MiB in", _export.Run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_ClassMaps_HoldOnlyLabelClassValuesAndShowRoadAndLaneMarking()
    {
        var seen = new HashSet<byte>();
        foreach (string id in _export.SampleIds)
        {
            foreach (string camera in _export.Cameras)
            {
                seen.UnionWith(_export.ClassMap(id, camera));
            }
        }

        Assert.All(seen, value => Assert.True(Enum.IsDefined((LabelClass)value), $"class value {value} is not a LabelClass"));
        Assert.Contains((byte)LabelClass.Road, seen);
        Assert.Contains((byte)LabelClass.LaneMarking, seen);
        Assert.Contains((byte)LabelClass.SolidLaneMarking, seen);
        Assert.Contains((byte)LabelClass.Sky, seen);
    }

    [Fact]
    public void Export_DepthNpy_HasVersion1HeaderAndDepthPositiveExactlyOffSky()
    {
        foreach (string id in _export.SampleIds)
        {
            foreach (string camera in _export.Cameras)
            {
                byte[] npy = File.ReadAllBytes(_export.CameraFile(id, camera, ".depth.npy"));
                Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, npy[..8]);
                int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(npy.AsSpan(8));
                Assert.Equal(0, (10 + headerLength) % 64);
                string header = Encoding.ASCII.GetString(npy, 10, headerLength);
                Assert.StartsWith($"{{'descr': '<f4', 'fortran_order': False, 'shape': ({H}, {W}), }}", header, StringComparison.Ordinal);
                Assert.EndsWith("\n", header, StringComparison.Ordinal);

                byte[] classes = _export.ClassMap(id, camera);
                for (int i = 0; i < W * H; i++)
                {
                    float depth = BinaryPrimitives.ReadSingleLittleEndian(npy.AsSpan(10 + headerLength + (i * sizeof(float))));
                    bool sky = classes[i] == (byte)LabelClass.Sky;
                    Assert.True(sky ? depth == 0 : depth > 0 && float.IsFinite(depth), $"{id}/{camera} pixel {i}: class {classes[i]}, depth {depth}");
                }
            }
        }
    }

    [Fact]
    public void Export_Objects_BoxesLieInsideTheImageAndCoverVehiclePixels()
    {
        int objects = 0, footprintFarther = 0;
        long boxPixels = 0, vehiclePixelsInBoxes = 0;
        foreach (string id in _export.SampleIds)
        {
            foreach (string camera in _export.Cameras)
            {
                byte[] classes = _export.ClassMap(id, camera);
                using JsonDocument json = JsonDocument.Parse(File.ReadAllText(_export.CameraFile(id, camera, ".objects.json")));
                foreach (JsonElement o in json.RootElement.EnumerateArray())
                {
                    objects++;
                    Assert.Equal("vehicle", o.GetProperty("class").GetString());
                    Assert.True(o.GetProperty("id").GetInt32() >= 1);
                    int[] box = o.GetProperty("boxPx").EnumerateArray().Select(v => v.GetInt32()).ToArray();
                    Assert.True(box is [>= 0, >= 0, < W, < H] && box[0] <= box[2] && box[1] <= box[3], $"{id}/{camera}: box [{string.Join(", ", box)}] outside {W}x{H}");
                    int vehicle = 0;
                    for (int v = box[1]; v <= box[3]; v++)
                    {
                        for (int u = box[0]; u <= box[2]; u++)
                        {
                            vehicle += classes[(v * W) + u] == (byte)LabelClass.Vehicle ? 1 : 0;
                        }
                    }

                    int visible = o.GetProperty("visiblePixels").GetInt32();
                    Assert.InRange(visible, 1, vehicle);
                    double depth = o.GetProperty("depthM").GetDouble(), nearest = o.GetProperty("nearestDepthM").GetDouble();
                    Assert.True(depth > 0 && nearest > 0, $"{id}/{camera}: depthM {depth}, nearestDepthM {nearest}");
                    footprintFarther += depth > nearest ? 1 : 0;
                    Assert.Equal(3, o.GetProperty("groundCentreEgoM").GetArrayLength());
                    Assert.True(double.IsFinite(o.GetProperty("headingEgoRad").GetDouble()));
                    boxPixels += (box[2] - box[0] + 1) * (box[3] - box[1] + 1);
                    vehiclePixelsInBoxes += vehicle;
                }
            }
        }

        Assert.True(objects > 0, "no object in 3 samples x 8 cameras");
        // depthM is the footprint centre's z: behind the nearest visible point for nearly every car (not for a car
        // whose near end is hidden, nor one alongside, where it falls back to the nearest z).
        Assert.True(footprintFarther > objects * 0.7, $"depthM beyond nearestDepthM for only {footprintFarther} of {objects} objects");
        Assert.True(vehiclePixelsInBoxes > boxPixels / 2, $"only {vehiclePixelsInBoxes} of {boxPixels} box pixels are class vehicle");
    }

    /// <summary>Magic (6) + version (2) + header length (2) + the dict padded to a 64-byte boundary: 71 bytes round up to 128.</summary>
    private const int NpyHeaderBytes = 128;
}

using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Core.Labels;
using Octopilot.Inference.Perception;

namespace Octopilot.Perception.Oracle;

/// <summary>
/// Oracle perception: turns one camera's ground truth (<see cref="LabelBuffer"/>) into the per-camera perception the
/// HydraNet decoder produces, written into a <see cref="PerceptionFrameSet"/> made by <see cref="CreateResults"/>, so
/// the BEV can run on ground truth. Per camera and set:
/// <list type="bullet">
/// <item><b>lanes</b>: fraction of lane-marking pixels (<see cref="LabelClass.LaneMarking"/> or <see cref="LabelClass.SolidLaneMarking"/>) in each stride×stride block (map = image / stride).</item>
/// <item><b>drivable</b>: fraction of road and lane-marking pixels in the block.</item>
/// <item><b>solid lines</b>: fraction of <see cref="LabelClass.SolidLaneMarking"/> pixels (edge-line paint) in the block;
/// dashed-divider paint (<see cref="LabelClass.LaneMarking"/>) is 0 here, as in the model's optional solid_lines head.</item>
/// <item><b>depth</b>: mean camera-z (<see cref="LabelBuffer.DepthM"/>) over the block's non-sky pixels; a block of
/// only sky is 0, the label buffer's own "no depth" value (the model's depth head is &gt; 0 everywhere, so consumers
/// must read ≤ 0 as "no depth"). Never NaN.</item>
/// <item><b>objects</b>: one <see cref="Detection"/> per listed <see cref="LabelClass.Vehicle"/> object: score 1, class
/// index of "vehicle" in the model's class list; (u, v, w, h) the visible box (pixel centres at integer coordinates,
/// so centre = (min+max)/2 and size = max−min+1), the same meaning as the model's box; depth = camera z of the
/// object's ground-footprint centre (<see cref="ObjectLabel.GroundCentreEgoM"/> through the camera calibration), or
/// <see cref="ObjectLabel.MinDepthM"/> when that point is not in front of the camera. Nearest first; beyond the set's
/// detection capacity the farthest are left out (<see cref="DetectionsDropped"/>).</item>
/// </list>
/// Every head of a decoded camera is valid; a camera not decoded into a set after <see cref="BeginSet"/> reads as
/// missing (frame absent, all heads invalid), like a camera missing from a HydraNet set.
/// Allocates only in the constructor and <see cref="CreateResults"/>. Different cameras may be decoded concurrently
/// (each camera has its own scratch); one camera index must not be decoded by two threads at once.
/// </summary>
public sealed class OracleDecoder
{
    /// <summary>The class name the model uses for vehicles (onnx/CONTRACT.md, <c>octopilot.classes</c>).</summary>
    public const string VehicleClassName = "vehicle";

    private readonly CameraCalibration[] _cameras;
    private readonly string[] _cameraNames;
    private readonly int[][] _laneCounts;
    private readonly int[][] _solidCounts;
    private readonly int[][] _drivableCounts;
    private readonly int[][] _nonSkyCounts;
    private readonly double[][] _depthSums;
    private readonly long[] _detectionsDropped;

    /// <param name="rig">The rig in batch order, at any resolution (scaled here to the image size).</param>
    /// <param name="imageWidthPx">Width of the rendered frames and label buffers, pixels.</param>
    /// <param name="imageHeightPx">Height of the rendered frames and label buffers, pixels.</param>
    /// <param name="stride">Output stride of the maps (the model's, 4 or 8); must divide both image dimensions.</param>
    /// <param name="classNames">The model's class list; must contain <see cref="VehicleClassName"/>.</param>
    /// <param name="maxDetections">Detection capacity per camera (the model's K).</param>
    public OracleDecoder(CameraRig rig, int imageWidthPx, int imageHeightPx, int stride, IReadOnlyList<string> classNames, int maxDetections)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageWidthPx);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageHeightPx);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDetections);
        if (imageWidthPx % stride != 0 || imageHeightPx % stride != 0)
        {
            throw new ArgumentException($"stride {stride} must divide the image size {imageWidthPx}x{imageHeightPx}", nameof(stride));
        }

        VehicleClassIndex = -1;
        for (int i = 0; i < classNames.Count; i++)
        {
            if (string.Equals(classNames[i], VehicleClassName, StringComparison.OrdinalIgnoreCase))
            {
                VehicleClassIndex = i;
                break;
            }
        }

        if (VehicleClassIndex < 0)
        {
            throw new ArgumentException($"the class list ({string.Join(",", classNames)}) has no '{VehicleClassName}'", nameof(classNames));
        }

        ImageWidthPx = imageWidthPx;
        ImageHeightPx = imageHeightPx;
        Stride = stride;
        MapWidth = imageWidthPx / stride;
        MapHeight = imageHeightPx / stride;
        MaxDetections = maxDetections;
        _cameras = new CameraCalibration[rig.Count];
        _cameraNames = new string[rig.Count];
        _laneCounts = new int[rig.Count][];
        _solidCounts = new int[rig.Count][];
        _drivableCounts = new int[rig.Count][];
        _nonSkyCounts = new int[rig.Count][];
        _depthSums = new double[rig.Count][];
        _detectionsDropped = new long[rig.Count];
        for (int c = 0; c < rig.Count; c++)
        {
            _cameras[c] = rig[c].ScaledTo(imageWidthPx, imageHeightPx);
            _cameraNames[c] = rig[c].Name;
            _laneCounts[c] = new int[MapWidth];
            _solidCounts[c] = new int[MapWidth];
            _drivableCounts[c] = new int[MapWidth];
            _nonSkyCounts[c] = new int[MapWidth];
            _depthSums[c] = new double[MapWidth];
        }
    }

    public int ImageWidthPx { get; }

    public int ImageHeightPx { get; }

    public int Stride { get; }

    public int MapWidth { get; }

    public int MapHeight { get; }

    public int MaxDetections { get; }

    public int CameraCount => _cameras.Length;

    /// <summary>Index of <see cref="VehicleClassName"/> in the model's class list.</summary>
    public int VehicleClassIndex { get; }

    /// <summary>Vehicles left out of camera <paramref name="camera"/>'s detections (capacity) since construction.</summary>
    public long DetectionsDropped(int camera) => Interlocked.Read(ref _detectionsDropped[camera]);

    /// <summary>A set for this decoder's rig and map size (allocates; make one per buffer slot and reuse it).</summary>
    public PerceptionFrameSet CreateResults() =>
        PerceptionFrameSet.CreateDetached(_cameraNames, MapHeight, MapWidth, MaxDetections);

    /// <summary>
    /// Starts a new set: every camera reads as missing (frame absent, every head invalid, no detections) until
    /// <see cref="Decode"/> fills it. <paramref name="setSequence"/> becomes <see cref="PerceptionFrameSet.SetSequence"/>.
    /// </summary>
    public void BeginSet(PerceptionFrameSet results, long setSequence)
    {
        CheckResults(results);
        results.SetSequence = setSequence;
        for (int c = 0; c < _cameras.Length; c++)
        {
            CameraPerception perception = results.Camera(c);
            perception.FramePresent = false;
            perception.DetectionCount = 0;
            perception.SetValid(HeadKind.Lanes, false);
            perception.SetValid(HeadKind.Drivable, false);
            perception.SetValid(HeadKind.Depth, false);
            perception.SetValid(HeadKind.Objects, false);
            perception.SetValid(HeadKind.SolidLines, false);
        }
    }

    /// <summary>
    /// Writes camera <paramref name="camera"/>'s perception of one frame into <paramref name="results"/> from its
    /// ground truth, and marks the frame present and every head (solid lines included) valid. Allocates nothing.
    /// </summary>
    /// <param name="startOfFrameNs">Start of frame of the camera's image (monotonic ns).</param>
    public void Decode(PerceptionFrameSet results, int camera, LabelBuffer labels, long startOfFrameNs)
    {
        CheckResults(results);
        ArgumentOutOfRangeException.ThrowIfNegative(camera);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(camera, _cameras.Length);
        if (labels.WidthPx != ImageWidthPx || labels.HeightPx != ImageHeightPx)
        {
            throw new ArgumentException(
                $"label buffer is {labels.WidthPx}x{labels.HeightPx}, the decoder expects {ImageWidthPx}x{ImageHeightPx}", nameof(labels));
        }

        DecodeMaps(camera, labels, results);
        CameraPerception perception = results.Camera(camera);
        perception.DetectionCount = DecodeObjects(camera, labels, perception.DetectionStorage);
        perception.StartOfFrameNs = startOfFrameNs;
        perception.FramePresent = true;
        perception.SetValid(HeadKind.Lanes, true);
        perception.SetValid(HeadKind.Drivable, true);
        perception.SetValid(HeadKind.Depth, true);
        perception.SetValid(HeadKind.Objects, true);
        perception.SetValid(HeadKind.SolidLines, true);
    }

    private void DecodeMaps(int camera, LabelBuffer labels, PerceptionFrameSet results)
    {
        Span<float> lanesMap = results.WritableMap(HeadKind.Lanes, camera);
        Span<float> drivableMap = results.WritableMap(HeadKind.Drivable, camera);
        Span<float> depthMap = results.WritableMap(HeadKind.Depth, camera);
        Span<float> solidMap = results.WritableMap(HeadKind.SolidLines, camera);
        Span<int> lanes = _laneCounts[camera];
        Span<int> solid = _solidCounts[camera];
        Span<int> drivable = _drivableCounts[camera];
        Span<int> nonSky = _nonSkyCounts[camera];
        Span<double> depthSum = _depthSums[camera];
        ReadOnlySpan<byte> classMap = labels.ClassMap;
        ReadOnlySpan<float> depthM = labels.DepthM;
        int stride = Stride, width = ImageWidthPx, mapWidth = MapWidth;
        float inverseArea = 1f / (stride * stride);

        for (int my = 0; my < MapHeight; my++)
        {
            lanes.Clear();
            solid.Clear();
            drivable.Clear();
            nonSky.Clear();
            depthSum.Clear();
            for (int v = my * stride; v < (my + 1) * stride; v++)
            {
                ReadOnlySpan<byte> classRow = classMap.Slice(v * width, width);
                ReadOnlySpan<float> depthRow = depthM.Slice(v * width, width);
                for (int u = 0; u < width; u++)
                {
                    var cls = (LabelClass)classRow[u];
                    if (cls == LabelClass.Sky)
                    {
                        continue;
                    }

                    int mx = u / stride;
                    nonSky[mx]++;
                    depthSum[mx] += depthRow[u];
                    if (LabelClasses.IsLaneMarking(cls))
                    {
                        lanes[mx]++;
                        drivable[mx]++;
                        solid[mx] += cls == LabelClass.SolidLaneMarking ? 1 : 0;
                    }
                    else if (cls == LabelClass.Road)
                    {
                        drivable[mx]++;
                    }
                }
            }

            int rowOffset = my * mapWidth;
            for (int mx = 0; mx < mapWidth; mx++)
            {
                lanesMap[rowOffset + mx] = lanes[mx] * inverseArea;
                solidMap[rowOffset + mx] = solid[mx] * inverseArea;
                drivableMap[rowOffset + mx] = drivable[mx] * inverseArea;
                depthMap[rowOffset + mx] = nonSky[mx] == 0 ? 0f : (float)(depthSum[mx] / nonSky[mx]);
            }
        }
    }

    private int DecodeObjects(int camera, LabelBuffer labels, Span<Detection> storage)
    {
        int capacity = Math.Min(storage.Length, MaxDetections);
        int count = 0;
        long dropped = 0;
        CameraCalibration calibration = _cameras[camera];
        foreach (ObjectLabel o in labels.Objects)
        {
            if (o.Class != LabelClass.Vehicle || o.VisiblePixelCount <= 0)
            {
                continue;
            }

            float depth = o.FootprintDepthM(calibration);
            var detection = new Detection(
                1f,
                VehicleClassIndex,
                (o.MinUPx + o.MaxUPx) * 0.5f,
                (o.MinVPx + o.MaxVPx) * 0.5f,
                o.MaxUPx - o.MinUPx + 1,
                o.MaxVPx - o.MinVPx + 1,
                depth,
                RangeSource.ObjectDepth);

            // Insertion by depth, nearest first; when full, the farthest falls off the end.
            int at = count;
            while (at > 0 && storage[at - 1].DepthM > depth)
            {
                at--;
            }

            if (at >= capacity)
            {
                dropped++;
                continue;
            }

            if (count == capacity)
            {
                dropped++;
                count--;
            }

            for (int i = count; i > at; i--)
            {
                storage[i] = storage[i - 1];
            }

            storage[at] = detection;
            count++;
        }

        if (dropped > 0)
        {
            Interlocked.Add(ref _detectionsDropped[camera], dropped);
        }

        return count;
    }

    private void CheckResults(PerceptionFrameSet results)
    {
        if (results.Cameras.Count != _cameras.Length || results.MapHeight != MapHeight || results.MapWidth != MapWidth)
        {
            throw new ArgumentException(
                $"set has {results.Cameras.Count} cameras of {results.MapWidth}x{results.MapHeight} maps, the decoder {_cameras.Length} of {MapWidth}x{MapHeight}: make it with CreateResults",
                nameof(results));
        }
    }
}

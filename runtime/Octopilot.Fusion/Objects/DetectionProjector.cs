using Octopilot.Core.Calibration;
using Octopilot.Fusion.Tracking;
using Octopilot.Inference.Perception;

namespace Octopilot.Fusion.Objects;

/// <summary>
/// Lifts the object detections of a frame set to ego-frame measurements for <see cref="ObjectTracker"/>. Per detection
/// of every present camera with a valid objects head:
/// <list type="number">
/// <item>ground contact = bottom centre of the box on the flat ground; above the horizon or beyond
/// <see cref="DetectionProjectorOptions.MaxRangeM"/>: rejected (counted);</item>
/// <item>range from the depth head (camera z of the footprint centre) along the contact's ground bearing, in closed form;
/// no usable depth: the contact pushed back by half the class length (counted), likewise a depth that puts the centre
/// nearer than the contact allows (counted as inconsistent);</item>
/// <item>the bearing corrected by fitting the class footprint to the box's horizontal extent at that depth
/// (see <c>ProjectorCamera.TryFitFootprint</c>); a box on a side border of the image is rejected (counted as truncated)
/// when it is a sliver or that fit does not place it consistently with its bottom row;</item>
/// <item>width from the box width at that depth, length from the class;</item>
/// <item>moved from the ego frame at the camera's start of frame into the ego frame at the reference time with the
/// ego's speed and yaw rate (exact for a fixed object; see the README for moving ones).</item>
/// </list>
/// Duplicates from overlapping cameras are kept: the tracker merges them. When more than
/// <see cref="ObjectMeasurementList.Capacity"/> survive, the nearest are kept (the rest counted).
/// <para>Allocation: in the constructor, and on a first set with more detections than seen before (the scratch grows);
/// none per set in steady state. Single-threaded: one caller (the inference thread) owns the instance.</para>
/// </summary>
public sealed class DetectionProjector
{
    private const double NsPerS = 1e9;
    private const int InitialDetectionsPerCamera = 32;

    private readonly DetectionProjectorOptions _options;
    private readonly ProjectorCamera[] _cameras;
    private readonly ObjectClassShape[][] _shapesByClass;
    private readonly ObjectClassShape[] _unknownShapes;
    private readonly ProjectionCounters _total = new();
    private ObjectMeasurement[] _candidates;
    private double[] _candidateRangesM2;
    private int[] _candidateCameras;
    private int[] _candidateOrder;

    /// <param name="rig">The rig in batch order, already scaled to the images the detections are in (their pixels).</param>
    /// <param name="classNames">The model's class list; detection class index i is reported as class id i + 1 (0 = unknown).</param>
    /// <param name="options">Validated here.</param>
    public DetectionProjector(CameraRig rig, IReadOnlyList<string> classNames, DetectionProjectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(rig);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _cameras = new ProjectorCamera[rig.Count];
        for (int c = 0; c < rig.Count; c++)
        {
            _cameras[c] = new ProjectorCamera(rig[c]);
        }

        _unknownShapes = [options.UnknownShape];
        _shapesByClass = new ObjectClassShape[classNames.Count][];
        for (int i = 0; i < classNames.Count; i++)
        {
            string name = classNames[i];
            ObjectClassShape[] shapes = ShapesNamed(options, name);
            if (shapes.Length == 0 && ObjectClassAliases.ShapeClassFor(name) is string alias)
            {
                shapes = ShapesNamed(options, alias); // a foreign model's "car" gets the vehicle footprints
            }

            _shapesByClass[i] = shapes.Length > 0 ? shapes : _unknownShapes;
        }

        _candidates = new ObjectMeasurement[rig.Count * InitialDetectionsPerCamera];
        _candidateRangesM2 = new double[_candidates.Length];
        _candidateCameras = new int[_candidates.Length];
        _candidateOrder = new int[_candidates.Length];
    }

    public DetectionProjectorOptions Options => _options;

    private static ObjectClassShape[] ShapesNamed(DetectionProjectorOptions options, string name) =>
        options.ClassShapes.Where(shape => string.Equals(shape.ClassName, name, StringComparison.OrdinalIgnoreCase)).ToArray();

    public int CameraCount => _cameras.Length;

    /// <summary>Camera <paramref name="camera"/>'s counters since construction. Owned by the projector; live.</summary>
    public ProjectionCounters Counters(int camera) => _cameras[camera].Counters;

    /// <summary>All cameras' counters summed, as of the end of the last <see cref="Project"/>. Owned by the projector.</summary>
    public ProjectionCounters Total => _total;

    /// <summary>
    /// Clears <paramref name="output"/>, stamps it with <paramref name="referenceTimeNs"/> and fills it with the set's
    /// detections in the ego frame at that time. <paramref name="ego"/> is the ego's motion around the set (speed, yaw
    /// rate), used to move each camera's detections from its start of frame to the reference time; a non-finite one
    /// moves nothing. The set is only read, and only during the call.
    /// </summary>
    public void Project(PerceptionFrameSet set, long referenceTimeNs, in EgoMotion ego, ref ObjectMeasurementList output)
    {
        ArgumentNullException.ThrowIfNull(set);
        IReadOnlyList<CameraPerception> cameras = set.Cameras;
        if (cameras.Count != _cameras.Length)
        {
            throw new ArgumentException(
                $"the set has {cameras.Count} cameras, the projector's rig {_cameras.Length}: they must be the same rig in the same order", nameof(set));
        }

        output.Clear();
        output.TimestampNs = referenceTimeNs;
        EnsureScratch(cameras);

        int count = 0;
        for (int c = 0; c < _cameras.Length; c++)
        {
            CameraPerception perception = cameras[c];
            if (!perception.FramePresent || !perception.IsValid(HeadKind.Objects))
            {
                continue;
            }

            count = ProjectCamera(c, perception, referenceTimeNs, ego, count);
        }

        Emit(count, ref output);
        UpdateTotal();
    }

    private int ProjectCamera(int c, CameraPerception perception, long referenceTimeNs, in EgoMotion ego, int count)
    {
        double dtS = (referenceTimeNs - perception.StartOfFrameNs) / NsPerS;
        ReadOnlySpan<Detection> detections = perception.Detections;
        for (int i = 0; i < detections.Length; i++)
        {
            if (!TryProjectDetection(c, detections, i, dtS, ego, out ObjectMeasurement measurement))
            {
                continue;
            }

            _candidates[count] = measurement;
            _candidateRangesM2[count] = (measurement.XM * measurement.XM) + (measurement.YM * measurement.YM);
            _candidateCameras[count] = c;
            count++;
        }

        return count;
    }

    /// <summary>
    /// Detection <paramref name="index"/> of camera <paramref name="camera"/> (among its camera's <paramref name="detections"/>, for occlusion) as a measurement in the ego frame <paramref name="dtS"/> after
    /// the camera's start of frame; false when skipped (score) or rejected (counted). Public so that callers can attribute
    /// measurements to cameras and boxes: the tests, and <c>octopilot model evaluate</c>, which compares each detection's
    /// place with its label's (the same lift the car uses, one detection at a time).
    /// </summary>
    public bool TryProjectDetection(int camera, ReadOnlySpan<Detection> detections, int index, double dtS, in EgoMotion ego, out ObjectMeasurement measurement)
    {
        measurement = default;
        ref readonly Detection detection = ref detections[index];
        if (detection.Score < _options.MinScore)
        {
            return false;
        }

        ProjectorCamera projector = _cameras[camera];
        bool known = (uint)detection.ClassIndex < (uint)_shapesByClass.Length;
        ObjectClassShape[] shapes = known ? _shapesByClass[detection.ClassIndex] : _unknownShapes;
        BoxCuts cuts = BoxCutFinder.Find(detections, index, projector.WidthPx, projector.HeightPx, _options.BorderMarginPx);
        if (!projector.TryLocate(detection, cuts, shapes, _options, out double xM, out double yM, out double lengthM, out double widthM))
        {
            return false;
        }

        projector.Counters.Projected++;
        (double x, double y) = EgoFrameShift.ToLaterFrame(xM, yM, ego, dtS);
        measurement = new ObjectMeasurement(x, y, lengthM, widthM, known ? detection.ClassIndex + 1 : 0);
        return true;
    }

    // Copies the candidates to the output; when they do not fit, the nearest (to the ego origin) are kept.
    private void Emit(int count, ref ObjectMeasurementList output)
    {
        if (count > ObjectMeasurementList.Capacity)
        {
            // Sort candidate indices by range (the camera of each drop is charged through them).
            for (int k = 0; k < count; k++)
            {
                _candidateOrder[k] = k;
            }

            _candidateRangesM2.AsSpan(0, count).Sort(_candidateOrder.AsSpan(0, count));
            for (int k = ObjectMeasurementList.Capacity; k < count; k++)
            {
                _cameras[_candidateCameras[_candidateOrder[k]]].Counters.DroppedForCapacity++;
            }

            for (int k = 0; k < ObjectMeasurementList.Capacity; k++)
            {
                output.TryAdd(_candidates[_candidateOrder[k]]);
            }

            return;
        }

        for (int k = 0; k < count; k++)
        {
            output.TryAdd(_candidates[k]);
        }
    }

    private void EnsureScratch(IReadOnlyList<CameraPerception> cameras)
    {
        int needed = 0;
        for (int c = 0; c < cameras.Count; c++)
        {
            needed += cameras[c].DetectionCount;
        }

        if (needed > _candidates.Length)
        {
            _candidates = new ObjectMeasurement[needed];
            _candidateRangesM2 = new double[needed];
            _candidateCameras = new int[needed];
            _candidateOrder = new int[needed];
        }
    }

    private void UpdateTotal()
    {
        _total.Clear();
        foreach (ProjectorCamera camera in _cameras)
        {
            _total.Add(camera.Counters);
        }
    }
}

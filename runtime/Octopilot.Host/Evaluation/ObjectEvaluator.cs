using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Fusion.Objects;
using Octopilot.Fusion.Tracking;
using Octopilot.Host.Dataset;
using Octopilot.Inference.Perception;

namespace Octopilot.Host.Evaluation;

/// <summary>
/// Object metrics of one camera image at a time: labels split into evaluable and ignore (visible pixels), detections
/// matched to labels (<see cref="DetectionMatcher"/>, class-agnostic: the dataset labels one class, vehicle), counted
/// per band and threshold (<see cref="ObjectCounts"/>), and placed in the ego frame by the runtime's
/// <see cref="DetectionProjector"/> (the car's lift, ego motion zero: a still image has no time to shift over):
/// <list type="bullet">
/// <item>detections at the operating threshold are projected among themselves (the list the car would project), those
/// below it (only the sweep sees them) among all decoded detections; an unmatched detection's band is its own range;</item>
/// <item>model error: each evaluable label matched at the operating threshold, its detection's point vs the label's
/// ground centre, placed as the car places a model's detections (its depth weighed with the box's bottom row at the
/// model's depth noise, <see cref="DetectionProjectorOptions.DepthNoiseFraction"/>); and the same without the depth
/// (ground contact: the bottom row alone);</item>
/// <item>oracle error: each evaluable label's own box and label depth as a detection (score 1, among all the image's
/// labels, so occlusion cuts see the same neighbours), through a projector that takes the depth as exact;</item>
/// <item>oracle with centre depth: the same with the camera z of the label's ground centre instead of its depthM. The
/// projector reads depth as the footprint centre's camera z, while octopilot-dataset/1 writes depthM as the nearest
/// visible z (ObjectLabelsJsonWriter), about half a car length less: the two oracles show that gap apart from the method's.</item>
/// </list>
/// </summary>
internal sealed class ObjectEvaluator
{
    private readonly DetectionProjector _projector;
    private readonly DetectionProjector _oracleProjector;
    private readonly CameraRig _rig;
    private readonly float _scoreThreshold;
    private readonly int _minVisiblePixels;
    private readonly int _oracleClassIndex;

    /// <param name="projector">The model's: its depth weighed with the bottom row as the car does.</param>
    /// <param name="oracleProjector">The oracle's: its depth exact, used as it is.</param>
    /// <param name="rig">The projectors' rig (cameras in frame-set order, scaled to the images).</param>
    public ObjectEvaluator(
        DetectionProjector projector, DetectionProjector oracleProjector, CameraRig rig, IReadOnlyList<string> modelClasses, float scoreThreshold, int minVisiblePixels)
    {
        _projector = projector;
        _oracleProjector = oracleProjector;
        _rig = rig;
        _scoreThreshold = scoreThreshold;
        _minVisiblePixels = minVisiblePixels;
        int vehicle = modelClasses.ToList().FindIndex(c => string.Equals(c, "vehicle", StringComparison.OrdinalIgnoreCase));
        _oracleClassIndex = Math.Max(vehicle, 0);
        Counts = new ObjectCounts([scoreThreshold, .. EvaluationSettings.SweepThresholds]);
    }

    /// <summary>Threshold 0 of <see cref="Counts"/> is the operating one; the sweep follows.</summary>
    public ObjectCounts Counts { get; }

    public PlacementErrors Model { get; } = new();

    /// <summary>The model's matched detections with their depth dropped: where the projector's ground contact puts them.</summary>
    public PlacementErrors ModelGroundContact { get; } = new();

    public PlacementErrors Oracle { get; } = new();

    public PlacementErrors OracleCentreDepth { get; } = new();

    public void Add(int camera, IReadOnlyList<LabelledObject> objects, ReadOnlySpan<Detection> decoded)
    {
        var labels = objects.Select(o => new EvaluatedLabel(o.VisiblePixels >= _minVisiblePixels, o.HorizontalRangeM)).ToArray();
        Detection[] all = decoded.ToArray();
        Detection[] operating = all.Where(d => d.Score >= _scoreThreshold).ToArray();
        Detection[] operatingByContact = operating.Select(d => d with { DepthM = 0, Range = RangeSource.GroundContact }).ToArray();
        int[] labelOf = DetectionMatcher.Match(
            objects.Select(o => PixelBox.FromInclusive(o.MinUPx, o.MinVPx, o.MaxUPx, o.MaxVPx)).ToArray(),
            all.Select(d => PixelBox.FromCentre(d.CenterUPx, d.CenterVPx, d.WidthPx, d.HeightPx)).ToArray(),
            all.Select(d => d.Score).ToArray());

        var scored = new ScoredDetection[all.Length];
        int operatingIndex = 0;
        for (int i = 0; i < all.Length; i++)
        {
            bool atOperatingPoint = all[i].Score >= _scoreThreshold;
            double x, y;
            bool placed = atOperatingPoint
                ? TryPlace(camera, operating, operatingIndex++, out x, out y)
                : TryPlace(camera, all, i, out x, out y);
            scored[i] = new ScoredDetection(all[i].Score, placed ? Math.Sqrt((x * x) + (y * y)) : double.NaN, labelOf[i]);
            if (atOperatingPoint && labelOf[i] >= 0 && labels[labelOf[i]].Evaluable)
            {
                AddError(Model, objects[labelOf[i]], placed, x, y);
                bool placedByContact = TryPlace(camera, operatingByContact, operatingIndex - 1, out double xc, out double yc);
                AddError(ModelGroundContact, objects[labelOf[i]], placedByContact, xc, yc);
            }
        }

        Counts.Add(labels, scored);
        AddOracle(camera, objects, labels);
    }

    private void AddOracle(int camera, IReadOnlyList<LabelledObject> objects, EvaluatedLabel[] labels)
    {
        RigidTransform egoToCamera = _rig[camera].EgoToCamera;
        Detection[] labelDepth = objects.Select(o => OracleDetection(o, o.DepthM)).ToArray();
        Detection[] centreDepth = objects.Select(o => OracleDetection(o, egoToCamera.Apply(new Vec3(o.GroundCentreXM, o.GroundCentreYM, o.GroundCentreZM)).Z)).ToArray();
        for (int i = 0; i < objects.Count; i++)
        {
            if (labels[i].Evaluable)
            {
                bool placed = TryPlace(_oracleProjector, camera, labelDepth, i, out double x, out double y);
                AddError(Oracle, objects[i], placed, x, y);
                placed = TryPlace(_oracleProjector, camera, centreDepth, i, out x, out y);
                AddError(OracleCentreDepth, objects[i], placed, x, y);
            }
        }
    }

    private Detection OracleDetection(LabelledObject o, double depthM) => new(
        1f, _oracleClassIndex, (o.MinUPx + o.MaxUPx) / 2f, (o.MinVPx + o.MaxVPx) / 2f, o.MaxUPx - o.MinUPx + 1, o.MaxVPx - o.MinVPx + 1,
        (float)depthM, RangeSource.ObjectDepth);

    private bool TryPlace(int camera, Detection[] detections, int index, out double xM, out double yM) =>
        TryPlace(_projector, camera, detections, index, out xM, out yM);

    private static bool TryPlace(DetectionProjector projector, int camera, Detection[] detections, int index, out double xM, out double yM)
    {
        bool placed = projector.TryProjectDetection(camera, detections, index, 0, default(EgoMotion), out ObjectMeasurement m);
        (xM, yM) = (m.XM, m.YM);
        return placed;
    }

    private static void AddError(PlacementErrors errors, LabelledObject label, bool placed, double xM, double yM)
    {
        if (placed)
        {
            errors.AddPlaced(label.HorizontalRangeM, Math.Sqrt(((xM - label.GroundCentreXM) * (xM - label.GroundCentreXM)) + ((yM - label.GroundCentreYM) * (yM - label.GroundCentreYM))));
        }
        else
        {
            errors.AddNotPlaced(label.HorizontalRangeM);
        }
    }
}

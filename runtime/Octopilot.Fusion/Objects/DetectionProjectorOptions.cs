using System.Globalization;

namespace Octopilot.Fusion.Objects;

/// <summary>
/// Tuning of <see cref="DetectionProjector"/>. Immutable; <see cref="Validate"/> runs once in the projector's
/// constructor and names the broken rule and the value.
/// </summary>
public sealed record DetectionProjectorOptions
{
    /// <summary>Detections below this score are skipped (not counted as rejected): the decoder's threshold already applies; 0 keeps all.</summary>
    public const double DefaultMinScore = 0.0;

    /// <summary>
    /// Farthest ground range from the camera, m, of a detection's ground-contact point. 120 m: past it one row of a
    /// 96x72 map from the 1.35 m high main camera spans about 100 m of road, so the contact point says little.
    /// </summary>
    public const double DefaultMaxRangeM = 120.0;

    /// <summary>
    /// How much nearer (camera z, m) than the ground-contact point the depth may put the footprint centre before the depth
    /// is called inconsistent. The centre lies behind the nearest visible ground contact, so only noise makes it nearer:
    /// 0.5 m plus <see cref="DefaultDepthToleranceFractionOfRange"/> of the contact's depth (monocular depth noise grows with range).
    /// </summary>
    public const double DefaultDepthToleranceM = 0.5;

    /// <summary>See <see cref="DefaultDepthToleranceM"/>: 10 % of range, twice the 5 % issue 5 allows the depth head.</summary>
    public const double DefaultDepthToleranceFractionOfRange = 0.10;

    /// <summary>
    /// 1σ noise of a detection's depth as a fraction of it. 0 (the default): the depth is exact (the oracle's) and used as
    /// it is. Above 0 (a model's: <c>WorldModelOptions.ModelDepthNoiseFraction</c>): where the box's bottom row is the object's own, the
    /// depth of the footprint fitted to that row (noise <see cref="ContactRowNoisePx"/> plus a share of the box height) is weighed in by inverse variance,
    /// so near objects lean on the row (a pixel is centimetres) and far ones on the depth (a pixel is metres).
    /// </summary>
    public const double DefaultDepthNoiseFraction = 0.0;

    /// <summary>
    /// 1σ noise of a detection's bottom row, px: this plus <see cref="DefaultContactRowNoiseFractionOfHeight"/> of the box
    /// height. A regressed box edge is off by a share of the box's size: the third trained tiny HydraNet's bottoms are off
    /// by a median 0.3 px + 3 % of the height on its test split (0.5 px at 10–20 px high, 3 px at 70–110 px), σ ≈ 1.5
    /// median. With the depth's noise also a share of range, the weights hardly change with range.
    /// </summary>
    public const double DefaultContactRowNoisePx = 0.5;

    /// <summary>See <see cref="DefaultContactRowNoisePx"/>.</summary>
    public const double DefaultContactRowNoiseFractionOfHeight = 0.045;

    /// <summary>Narrowest reported width, m: a pedestrian seen side-on.</summary>
    public const double DefaultMinWidthM = 0.3;

    /// <summary>Widest reported width, m: a truck seen at an angle (box width includes its side), capped at a lane.</summary>
    public const double DefaultMaxWidthM = 3.5;

    /// <summary>
    /// A box edge within this many pixels of the image's left or right border is taken as cut off by the border: the
    /// footprint fit then matches only the other edge.
    /// </summary>
    public const double DefaultBorderMarginPx = 1.0;

    /// <summary>
    /// Largest shift, m, the footprint fit may move a point along its line of constant depth; a larger one means the
    /// model does not fit (occlusion, an odd shape) and the bearing of the box centre is kept (counted).
    /// </summary>
    public const double DefaultMaxFitShiftM = 3.0;

    /// <summary>
    /// A box on the left or right image border narrower than this, px, is rejected (counted as truncated): a few columns
    /// of an object running out of view say nothing about where its centre is.
    /// </summary>
    public const double DefaultMinTruncatedWidthPx = 8.0;

    /// <summary>
    /// A box on the left or right image border whose width at the visible depth (the near contact's, else the depth
    /// head's) is below this fraction of the class width is rejected (counted as truncated): a car's corner or mirror
    /// seen by a pillar or repeater camera as the car passes out of view. Its centre and bearing are the sliver's; the
    /// oracle scan of a car alongside (Objects tests) had such slivers put 2–3 m sideways, into the ego lane.
    /// </summary>
    public const double DefaultMinTruncatedWidthFraction = 0.25;

    /// <summary>
    /// The footprint fitted to a box on a side border must put its lowest in-view row within this many pixels (or
    /// <see cref="DefaultTruncatedBottomToleranceFractionOfHeight"/> of the box height, the larger) of the box's bottom
    /// row, the object's near side on the ground; otherwise the fit matched the wrong part and the box is rejected.
    /// </summary>
    public const double DefaultTruncatedBottomTolerancePx = 3.0;

    /// <summary>See <see cref="DefaultTruncatedBottomTolerancePx"/>: 10 % of the box height.</summary>
    public const double DefaultTruncatedBottomToleranceFractionOfHeight = 0.10;

    /// <summary>Vehicle: a mid-size car (4.6 x 1.85 x 1.5 m).</summary>
    public static readonly ObjectClassShape DefaultVehicle = new("vehicle", 4.6, 1.85, 1.5);

    /// <summary>
    /// Vehicle, tall: a rigid truck or coach (12 x 2.55 x 3.6 m; EU limits are 12 m rigid, 2.55 m wide, 4 m high). The
    /// detector has one "vehicle" class; fitting a truck's box with a car's footprint put its centre up to 1 m off
    /// sideways (oracle, 40–55 m; Objects/README.md), so the box height at the depth picks between the two.
    /// </summary>
    public static readonly ObjectClassShape DefaultTallVehicle = new("vehicle", 12.0, 2.55, 3.6);

    /// <summary>
    /// Vehicle, high: an SUV (4.75 x 1.92 x 1.72 m). Between the car and the truck by height the footprint was a car's or a
    /// truck's; taller traffic is longer, and the footprint centre lies half a length behind the near face.
    /// </summary>
    public static readonly ObjectClassShape DefaultHighVehicle = new("vehicle", 4.75, 1.92, 1.72);

    /// <summary>Vehicle, van: a panel van (5.45 x 1.98 x 2.25 m); read as a car, its centre was 0.4 m too near.</summary>
    public static readonly ObjectClassShape DefaultVan = new("vehicle", 5.45, 1.98, 2.25);

    /// <summary>Pedestrian: 0.6 x 0.6 x 1.7 m.</summary>
    public static readonly ObjectClassShape DefaultPedestrian = new("pedestrian", 0.6, 0.6, 1.7);

    /// <summary>Cyclist: a bicycle, 1.8 x 0.6 x 1.7 m.</summary>
    public static readonly ObjectClassShape DefaultCyclist = new("cyclist", 1.8, 0.6, 1.7);

    /// <summary>A class with no listed shape: 1 x 1 x 1.5 m, a guess between a person and a car.</summary>
    public static readonly ObjectClassShape DefaultUnknown = new("unknown", 1.0, 1.0, 1.5);

    public double MinScore { get; init; } = DefaultMinScore;

    public double MaxRangeM { get; init; } = DefaultMaxRangeM;

    public double DepthToleranceM { get; init; } = DefaultDepthToleranceM;

    public double DepthToleranceFractionOfRange { get; init; } = DefaultDepthToleranceFractionOfRange;

    public double DepthNoiseFraction { get; init; } = DefaultDepthNoiseFraction;

    public double ContactRowNoisePx { get; init; } = DefaultContactRowNoisePx;

    public double ContactRowNoiseFractionOfHeight { get; init; } = DefaultContactRowNoiseFractionOfHeight;

    public double MinWidthM { get; init; } = DefaultMinWidthM;

    public double MaxWidthM { get; init; } = DefaultMaxWidthM;

    public double BorderMarginPx { get; init; } = DefaultBorderMarginPx;

    public double MaxFitShiftM { get; init; } = DefaultMaxFitShiftM;

    public double MinTruncatedWidthPx { get; init; } = DefaultMinTruncatedWidthPx;

    public double MinTruncatedWidthFraction { get; init; } = DefaultMinTruncatedWidthFraction;

    public double TruncatedBottomTolerancePx { get; init; } = DefaultTruncatedBottomTolerancePx;

    public double TruncatedBottomToleranceFractionOfHeight { get; init; } = DefaultTruncatedBottomToleranceFractionOfHeight;

    /// <summary>
    /// Shapes by class name; a class of the model not listed here gets <see cref="UnknownShape"/>. A class may list
    /// several (car, truck): a detection takes the one whose height is nearest the box's height at its depth (box height
    /// × depth / fy: the visible height, a little more from the footprint's depth extent), the first when there is no depth.
    /// </summary>
    public IReadOnlyList<ObjectClassShape> ClassShapes { get; init; } = [DefaultVehicle, DefaultHighVehicle, DefaultVan, DefaultTallVehicle, DefaultPedestrian, DefaultCyclist];

    public ObjectClassShape UnknownShape { get; init; } = DefaultUnknown;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first broken rule and its value.</summary>
    public void Validate()
    {
        if (!(MinScore >= 0 && MinScore <= 1))
        {
            Throw($"{nameof(MinScore)} must be in [0, 1], was {Format(MinScore)}");
        }

        RequirePositive(MaxRangeM, nameof(MaxRangeM));
        RequireNonNegative(DepthToleranceM, nameof(DepthToleranceM));
        RequireNonNegative(DepthToleranceFractionOfRange, nameof(DepthToleranceFractionOfRange));
        if (!(DepthNoiseFraction >= 0 && DepthNoiseFraction < 1))
        {
            Throw($"{nameof(DepthNoiseFraction)} must be in [0, 1), was {Format(DepthNoiseFraction)}");
        }

        RequirePositive(ContactRowNoisePx, nameof(ContactRowNoisePx));
        RequireNonNegative(ContactRowNoiseFractionOfHeight, nameof(ContactRowNoiseFractionOfHeight));
        RequirePositive(MinWidthM, nameof(MinWidthM));
        RequirePositive(MaxWidthM, nameof(MaxWidthM));
        if (MaxWidthM < MinWidthM)
        {
            Throw($"{nameof(MaxWidthM)} must be >= {nameof(MinWidthM)} ({Format(MinWidthM)}), was {Format(MaxWidthM)}");
        }

        RequireNonNegative(BorderMarginPx, nameof(BorderMarginPx));
        RequirePositive(MaxFitShiftM, nameof(MaxFitShiftM));
        RequireNonNegative(MinTruncatedWidthPx, nameof(MinTruncatedWidthPx));
        RequireNonNegative(MinTruncatedWidthFraction, nameof(MinTruncatedWidthFraction));
        RequireNonNegative(TruncatedBottomTolerancePx, nameof(TruncatedBottomTolerancePx));
        RequireNonNegative(TruncatedBottomToleranceFractionOfHeight, nameof(TruncatedBottomToleranceFractionOfHeight));
        if (ClassShapes is null)
        {
            Throw($"{nameof(ClassShapes)} must not be null");
        }

        foreach (ObjectClassShape shape in ClassShapes!)
        {
            RequireShape(shape, nameof(ClassShapes));
        }

        RequireShape(UnknownShape, nameof(UnknownShape));
    }

    private static void RequireShape(ObjectClassShape? shape, string name)
    {
        if (shape is null || string.IsNullOrWhiteSpace(shape.ClassName))
        {
            Throw($"{name}: every shape must be non-null with a class name, was {shape?.ToString() ?? "null"}");
            return;
        }

        RequirePositive(shape.LengthM, $"{name}[{shape.ClassName}].{nameof(shape.LengthM)}");
        RequirePositive(shape.WidthM, $"{name}[{shape.ClassName}].{nameof(shape.WidthM)}");
        RequirePositive(shape.HeightM, $"{name}[{shape.ClassName}].{nameof(shape.HeightM)}");
    }

    private static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            Throw($"{name} must be finite and > 0, was {Format(value)}");
        }
    }

    private static void RequireNonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            Throw($"{name} must be finite and >= 0, was {Format(value)}");
        }
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Throw(string message) => throw new ArgumentException(message);
}

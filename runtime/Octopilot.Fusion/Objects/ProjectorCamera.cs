using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Inference.Perception;

namespace Octopilot.Fusion.Objects;

/// <summary>
/// One camera's half of <see cref="DetectionProjector"/>: the ground geometry fixed at construction (optical centre,
/// optical axis in the ego frame) and the lift of one detection to a footprint centre on the flat ground z = 0.
/// Single-threaded, like the projector.
/// </summary>
internal sealed partial class ProjectorCamera
{
    // The optical axis's ground component along the contact bearing must be at least this (cosine) for the range along
    // the bearing to follow from a camera z: a bearing 84° off the axis is outside every lens of the rig.
    private const double MinAxisAlongBearing = 0.1;

    private readonly CameraCalibration _calibration;
    private readonly Vec3 _positionM;
    private readonly Vec3 _axis;
    private readonly double _tangentX;
    private readonly double _tangentY;
    private readonly double _maxTanOffAxis;

    public ProjectorCamera(CameraCalibration calibration)
    {
        _calibration = calibration;
        _positionM = calibration.PositionInEgoM;
        _axis = calibration.CameraToEgo.ApplyToDirection(new Vec3(0, 0, 1));
        // Ground direction along which camera z does not change (perpendicular to the axis's ground component).
        double horizontal = Math.Sqrt((_axis.X * _axis.X) + (_axis.Y * _axis.Y));
        _tangentX = horizontal > 0 ? -_axis.Y / horizontal : 0;
        _tangentY = horizontal > 0 ? _axis.X / horizontal : 0;
        // Out-of-view limit: 1.5 times the image's half-width in normalised units (past the corner of the widest lens).
        CameraIntrinsics k = calibration.Intrinsics;
        _maxTanOffAxis = 1.5 * Math.Max(k.CxPx + 0.5, k.WidthPx - 0.5 - k.CxPx) / k.FxPx;
    }

    public ProjectionCounters Counters { get; } = new();

    private double FxPx => _calibration.Intrinsics.FxPx;

    public double WidthPx => _calibration.Intrinsics.WidthPx;

    public double HeightPx => _calibration.Intrinsics.HeightPx;

    /// <summary>
    /// The footprint centre, length and width of one detection in this camera's ego frame at its start of frame, with the
    /// shape of <paramref name="shapes"/> (one class's) nearest the box's height. False (counted) when the ground contact
    /// is above the horizon or out of range and not explained by a hidden bottom; fallbacks are counted and return true.
    /// </summary>
    public bool TryLocate(in Detection detection, BoxCuts cuts, ObjectClassShape[] shapes, DetectionProjectorOptions options, out double xM, out double yM, out double lengthM, out double widthM)
    {
        xM = yM = lengthM = widthM = 0;

        // (1) Ground contact: bottom centre of the box (the bottom edge of the bottom pixel row). Above the horizon or out
        // of range: rejected, unless the depth is usable and the bottom is cut (a nearer object, the image border: the
        // contact is then not the object's) or the depth is a model's and the contact merely far: only its bearing is needed.
        double vBottomPx = detection.CenterVPx + (detection.HeightPx * 0.5);
        double depthM = detection.DepthM;
        bool depthUsable = double.IsFinite(depthM) && depthM > 0;
        bool contactFound = _calibration.TryPixelToGround(detection.CenterUPx, vBottomPx, out Vec3 contact);
        double bx = contact.X - _positionM.X, by = contact.Y - _positionM.Y;
        double rangeM = Math.Sqrt((bx * bx) + (by * by));
        bool contactInRange = contactFound && rangeM <= options.MaxRangeM && rangeM > 1e-9;
        // A noisy depth (a model's) places a detection whose contact lies beyond the range cut: that far out a pixel of row
        // is tens of metres (30 m at 150 m in narrow_forward at 384x288), and half a pixel moved a stopped car 150 m ahead
        // past the cut, unseen until 83 m (approach-stopped-80kph).
        if (!contactInRange)
        {
            bool depthPlacesIt = depthUsable && ((cuts & BoxCuts.Bottom) != 0 || (contactFound && options.DepthNoiseFraction > 0));
            if (!depthPlacesIt)
            {
                if (contactFound)
                {
                    Counters.RejectedOutOfRange++;
                }
                else
                {
                    Counters.RejectedAboveHorizon++;
                }

                return false;
            }

            Vec3 ray = _calibration.PixelToEgoRay(detection.CenterUPx, vBottomPx);
            (bx, by) = (ray.X, ray.Y);
            rangeM = Math.Sqrt((bx * bx) + (by * by));
            if (!(rangeM > 1e-9))
            {
                Counters.RejectedAboveHorizon++;
                return false;
            }
        }

        bx /= rangeM;
        by /= rangeM;

        // The box spans from its nearest ground contact to the roof near it, so its height (and visible width) in metres
        // is taken at the contact's depth when that is the object's own (at the centre's depth a car close beside reads
        // as a truck); otherwise at the depth head's.
        bool bottomCut = (cuts & BoxCuts.Bottom) != 0;
        double contactDepthM = CameraZ(contact.X, contact.Y);
        double visibleDepthM = contactInRange && !bottomCut && contactDepthM > 0
            ? (depthUsable ? Math.Min(depthM, contactDepthM) : contactDepthM)
            : depthM;
        ObjectClassShape shape = ChooseShape(detection.HeightPx, visibleDepthM, cuts, depthUsable ? depthM : double.NaN, shapes);
        lengthM = shape.LengthM;

        // A box on the left or right image border shows some part of the object: its centre and its contact's bearing
        // are the part's, not the object's. Only the depth along that bearing with a converged footprint fit (the edge
        // not on the border matched) may place it, and only when the part is more than a sliver.
        bool borderCut = (cuts & BoxCuts.BorderSide) != 0;
        if (borderCut && IsSliver(detection.WidthPx, visibleDepthM, shape, options))
        {
            Counters.RejectedTruncated++;
            return false;
        }

        // (2) Range from depth along the contact's ground bearing, closed form: camera z is linear along a ground line.
        double axisAlongBearing = (_axis.X * bx) + (_axis.Y * by);
        // A box whose bottom is cut (image border, a nearer object) has its true contact nearer than the computed one;
        // one cut at a side runs out of view, so its centre may be nearer than every visible ground contact. Either way
        // the contact bounds nothing and the consistency check is off.
        bool contactBounds = contactInRange && (cuts & BoxCuts.ContactOrSide) == 0;
        double toleranceM = options.DepthToleranceM + (options.DepthToleranceFractionOfRange * contactDepthM);
        // A bottom row that is the object's own (not on the image's bottom border) gives a depth of its own: the footprint
        // fitted to it. Without a depth it is the depth; with a noisy one (DepthNoiseFraction > 0) the two are weighed by
        // their variances. A box on a side border qualifies: its bottom row is still the object's near side on the
        // ground, and the footprint fit matches the edge not on the border.
        if ((cuts & BoxCuts.BorderBottom) == 0 && contactInRange && axisAlongBearing >= MinAxisAlongBearing && (!depthUsable || options.DepthNoiseFraction > 0))
        {
            // From the contact pushed back, with or without a depth: the row alone decides where the secant ends up.
            PushBack(contact, bx, by, shape, out double pushedXM, out double pushedYM);
            if (TryFitContactDepth(detection, cuts, shape, bx, by, axisAlongBearing, vBottomPx, CameraZ(pushedXM, pushedYM), options.MaxFitShiftM, out double contactFitDepthM, out double pxPerM))
            {
                double contactVariance = Square((options.ContactRowNoisePx + (options.ContactRowNoiseFractionOfHeight * detection.HeightPx)) / pxPerM);
                double depthVariance = Square(options.DepthNoiseFraction * depthM);
                depthM = depthUsable ? ((contactFitDepthM * depthVariance) + (depthM * contactVariance)) / (depthVariance + contactVariance) : contactFitDepthM;
                Counters.ContactFits++;
                depthUsable = true;
            }
        }

        if (borderCut && (!depthUsable || axisAlongBearing < MinAxisAlongBearing))
        {
            Counters.RejectedTruncated++; // the fallbacks push back along the part's bearing: not the object's
            return false;
        }

        if (!depthUsable)
        {
            Counters.DepthFallbacks++;
            PushBack(contact, bx, by, shape, out xM, out yM);
        }
        else if (!contactInRange && axisAlongBearing < MinAxisAlongBearing)
        {
            Counters.RejectedAboveHorizon++; // neither a contact nor a bearing the depth can be taken along
            return false;
        }
        else if ((contactBounds && depthM < contactDepthM - toleranceM) || axisAlongBearing < MinAxisAlongBearing)
        {
            Counters.InconsistentDepths++;
            PushBack(contact, bx, by, shape, out xM, out yM);
        }
        else
        {
            // Ground point Cg + r·b with camera z = a·(Cg + r·b − C) = −a_z·C_z + r·(a·b) = depth.
            double r = (depthM + (_axis.Z * _positionM.Z)) / axisAlongBearing;
            if (!contactInRange && r > options.MaxRangeM)
            {
                Counters.RejectedOutOfRange++;
                return false;
            }

            xM = _positionM.X + (r * bx);
            yM = _positionM.Y + (r * by);
            if (!TryFitFootprint(detection, cuts, shape, options.MaxFitShiftM, ref xM, ref yM, ref lengthM))
            {
                if (borderCut)
                {
                    Counters.RejectedTruncated++; // the part's bearing is all there is: far from the object when it is close
                    return false;
                }

                Counters.FitsSkipped++;
            }
            else if (borderCut && !bottomCut && !BottomRowAgrees(xM, yM, shape, lengthM, vBottomPx, detection.HeightPx, options))
            {
                Counters.RejectedTruncated++; // the fitted footprint's near side is not where the box's bottom row puts it
                return false;
            }
        }

        // (3) Width from the box at the centre's depth; length is the class's unless the fit measured it.
        double widthFromBoxM = detection.WidthPx * Math.Max(CameraZ(xM, yM), 0) / FxPx;
        widthM = Math.Clamp(widthFromBoxM, options.MinWidthM, options.MaxWidthM);
        return true;
    }

    /// <summary>
    /// The shape of a class for a box <paramref name="heightPx"/> high. Box top and bottom the object's own: the shape
    /// whose height is nearest the box height at <paramref name="visibleDepthM"/> (the near contact's). Cut at the top
    /// or bottom (image border, a nearer object): the visible height is a lower bound, taken at the nearest depth the
    /// visible part can have if the object is of the class's first shape (<paramref name="depthM"/> less that shape's
    /// half diagonal), so that a car close beside, its bottom below the image, is not taken for a truck.
    /// </summary>
    private ObjectClassShape ChooseShape(double heightPx, double visibleDepthM, BoxCuts cuts, double depthM, ObjectClassShape[] shapes)
    {
        if ((cuts & (BoxCuts.Top | BoxCuts.Bottom)) == 0)
        {
            return ChooseShape(heightPx * visibleDepthM / _calibration.Intrinsics.FyPx, shapes);
        }

        ObjectClassShape first = shapes[0];
        double nearestDepthM = depthM - (0.5 * Math.Sqrt((first.LengthM * first.LengthM) + (first.WidthM * first.WidthM)));
        return ChooseShape(heightPx * Math.Max(nearestDepthM, 0) / _calibration.Intrinsics.FyPx, shapes);
    }

    // A part on the image border too small to place the object: fewer than the pixels, or narrower at the visible depth
    // than the fraction of the class width (a car's corner, its mirror).
    private bool IsSliver(double widthPx, double visibleDepthM, ObjectClassShape shape, DetectionProjectorOptions options)
    {
        if (widthPx < options.MinTruncatedWidthPx)
        {
            return true;
        }

        double visibleWidthM = widthPx * visibleDepthM / FxPx;
        return !(visibleWidthM >= options.MinTruncatedWidthFraction * shape.WidthM);
    }

    /// <summary>
    /// Whether the lowest in-view row of the footprint at (<paramref name="xM"/>, <paramref name="yM"/>) is the box's
    /// bottom row within <see cref="DetectionProjectorOptions.TruncatedBottomTolerancePx"/> (or that fraction of the box
    /// height): the bottom row of a box on a side border is the object's near side on the ground, whatever part is seen.
    /// </summary>
    private bool BottomRowAgrees(double xM, double yM, ObjectClassShape shape, double lengthM, double boxBottomPx, double boxHeightPx, DetectionProjectorOptions options)
    {
        double modelBottomPx = FootprintBottomRowPx(xM, yM, shape.WidthM, lengthM);
        if (!double.IsFinite(modelBottomPx))
        {
            return false;
        }

        double tolerancePx = Math.Max(options.TruncatedBottomTolerancePx, options.TruncatedBottomToleranceFractionOfHeight * boxHeightPx);
        return Math.Abs(Math.Min(modelBottomPx, HeightPx - 0.5) - boxBottomPx) <= tolerancePx;
    }

    // Lowest image row (largest v) of the footprint outline's points in view;
    // NaN when none is. The outline is sampled, so a corner out of view still leaves its in-view edges.
    private double FootprintBottomRowPx(double xM, double yM, double widthM, double lengthM)
    {
        const int samplesPerSide = 16;
        double halfLength = lengthM * 0.5, halfWidth = widthM * 0.5;
        double maxV = double.NaN;
        for (int side = 0; side < 4; side++)
        {
            for (int k = 0; k <= samplesPerSide; k++)
            {
                double t = -1 + (2.0 * k / samplesPerSide);
                (double px, double py) = side switch
                {
                    0 => (xM + (t * halfLength), yM - halfWidth),
                    1 => (xM + (t * halfLength), yM + halfWidth),
                    2 => (xM - halfLength, yM + (t * halfWidth)),
                    _ => (xM + halfLength, yM + (t * halfWidth)),
                };
                Vec3 c = _calibration.EgoToCamera.Apply(new Vec3(px, py, 0));
                if (c.Z > 0.01 && Math.Abs(c.X / c.Z) <= _maxTanOffAxis && _calibration.TryProjectCameraPoint(c, out double uPx, out double vPx)
                    && uPx >= -0.5 && uPx <= WidthPx - 0.5 && !(vPx <= maxV))
                {
                    maxV = vPx;
                }
            }
        }

        return maxV;
    }

    /// <summary>Of a class's shapes, the one whose height is nearest <paramref name="heightM"/>; the first when that is not finite.</summary>
    private static ObjectClassShape ChooseShape(double heightM, ObjectClassShape[] shapes)
    {
        ObjectClassShape best = shapes[0];
        if (shapes.Length == 1 || !double.IsFinite(heightM))
        {
            return best;
        }

        double bestError = Math.Abs(best.HeightM - heightM);
        for (int i = 1; i < shapes.Length; i++)
        {
            double error = Math.Abs(shapes[i].HeightM - heightM);
            if (error < bestError)
            {
                (best, bestError) = (shapes[i], error);
            }
        }

        return best;
    }

    private static void PushBack(Vec3 contact, double bx, double by, ObjectClassShape shape, out double xM, out double yM)
    {
        xM = contact.X + (bx * shape.LengthM * 0.5);
        yM = contact.Y + (by * shape.LengthM * 0.5);
    }

    private static double Square(double x) => x * x;

    private double CameraZ(double xM, double yM) =>
        (_axis.X * (xM - _positionM.X)) + (_axis.Y * (yM - _positionM.Y)) - (_axis.Z * _positionM.Z);

    // Column of an ego point; a point behind the camera or far outside the lens's field (where the distortion polynomial
    // may fold back) is put at ±∞ on the side of its camera x.
    private double ProjectU(Vec3 pointEgoM)
    {
        Vec3 c = _calibration.EgoToCamera.Apply(pointEgoM);
        if (c.Z > 0.01 && Math.Abs(c.X / c.Z) <= _maxTanOffAxis && _calibration.TryProjectCameraPoint(c, out double uPx, out _))
        {
            return uPx;
        }

        return c.X < 0 ? double.NegativeInfinity : double.PositiveInfinity;
    }
}

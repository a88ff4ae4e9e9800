using Octopilot.Core.Geometry;
using Octopilot.Inference.Perception;

namespace Octopilot.Fusion.Objects;

/// <summary>The footprint fit that corrects the bearing of a box centre (and, where it can be seen, the length).</summary>
internal sealed partial class ProjectorCamera
{
    // Finite-difference step, m; stop when every residual is below the first, px; accept up to the second.
    private const double FitStepM = 0.05;
    private const double FitConvergedPx = 0.01;
    private const double FitAcceptPx = 0.5;
    private const int FitMaxIterations = 10;

    // The length is fitted only when one metre of it changes the box width by at least this, px (a car close beside,
    // seen along its side); end-on it is invisible and the class length stays. At ±0.5 px of box rounding this bounds
    // the fitted length's error to ±0.25 m.
    private const double MinLengthObservabilityPxPerM = 2.0;

    // The fitted length stays within this fraction of the class length either way (a car 3.5–5.8 m, a truck 9–15 m).
    private const double LengthRangeFraction = 0.25;

    /// <summary>
    /// Corrects the bearing of the box centre, which is not the bearing of the footprint centre when the object is seen
    /// at an angle (its near side widens the box on one side: 3.5° off for a car 10 m ahead in the next lane, 0.5 m).
    /// Model: the class footprint aligned with the ego x axis (highway traffic; 1.8° off at 80 m on a 2500 m radius),
    /// from the ground to the class height. It slides along the centre's line of constant camera z (so the depth stays
    /// exact) until its projected horizontal extent matches the box. Both edges seen and the length observable (close,
    /// seen along the side): Newton on (shift, length), both edges matched. Otherwise the length is the class's and a
    /// secant on the shift matches the edges' midpoint, or the one edge not cut. False (point unchanged) when both edges
    /// are cut, a corner out of view sits on a matched side, it does not converge, or it moves more than
    /// <paramref name="maxShiftM"/>.
    /// </summary>
    private bool TryFitFootprint(in Detection detection, BoxCuts cuts, ObjectClassShape shape, double maxShiftM, ref double xM, ref double yM, ref double lengthM)
    {
        var edges = new EdgeTarget(
            (cuts & BoxCuts.Left) != 0,
            (cuts & BoxCuts.Right) != 0,
            detection.CenterUPx - (detection.WidthPx * 0.5),
            detection.CenterUPx + (detection.WidthPx * 0.5));
        if (edges.LeftCut && edges.RightCut)
        {
            return false;
        }

        double shiftM;
        if (!edges.LeftCut && !edges.RightCut && TryFitShiftAndLength(xM, yM, shape, edges, maxShiftM, out shiftM, out double fittedLengthM))
        {
            lengthM = fittedLengthM;
        }
        else if (!TryFitShift(xM, yM, shape, shape.LengthM, edges, maxShiftM, out shiftM))
        {
            return false;
        }

        xM += shiftM * _tangentX;
        yM += shiftM * _tangentY;
        return true;
    }

    private bool TryFitShift(double xM, double yM, ObjectClassShape shape, double lengthM, in EdgeTarget edges, double maxShiftM, out double shiftM)
    {
        shiftM = 0;
        double s0 = 0;
        double f0 = ShiftResidual(xM, yM, 0, shape, lengthM, edges);
        double s1 = FitStepM;
        double f1 = ShiftResidual(xM, yM, s1, shape, lengthM, edges);
        for (int i = 0; i < FitMaxIterations && double.IsFinite(f1) && Math.Abs(f1) > FitConvergedPx; i++)
        {
            double slope = (f1 - f0) / (s1 - s0);
            if (!double.IsFinite(f0) || !(Math.Abs(slope) > 1e-9))
            {
                return false;
            }

            double s2 = s1 - (f1 / slope);
            if (!(Math.Abs(s2) <= maxShiftM))
            {
                return false;
            }

            (s0, f0) = (s1, f1);
            s1 = s2;
            f1 = ShiftResidual(xM, yM, s1, shape, lengthM, edges);
        }

        if (!(Math.Abs(f1) <= FitAcceptPx))
        {
            return false;
        }

        shiftM = s1;
        return true;
    }

    // Model minus box, px, of the quantity matched for a shift alone; not finite when a corner out of view is on a matched side.
    private double ShiftResidual(double xM, double yM, double shiftM, ObjectClassShape shape, double lengthM, in EdgeTarget edges)
    {
        (double minU, double maxU) = Extent(xM + (shiftM * _tangentX), yM + (shiftM * _tangentY), shape, lengthM);
        if (edges.LeftCut)
        {
            return maxU - edges.RightEdgePx;
        }

        if (edges.RightCut)
        {
            return minU - edges.LeftEdgePx;
        }

        return ((minU + maxU) * 0.5) - ((edges.LeftEdgePx + edges.RightEdgePx) * 0.5);
    }

    private bool TryFitShiftAndLength(double xM, double yM, ObjectClassShape shape, in EdgeTarget edges, double maxShiftM, out double shiftM, out double lengthM)
    {
        double minLengthM = shape.LengthM * (1 - LengthRangeFraction), maxLengthM = shape.LengthM * (1 + LengthRangeFraction);
        double s = 0, length = shape.LengthM;
        shiftM = 0;
        lengthM = length;
        for (int i = 0; i <= FitMaxIterations; i++)
        {
            (double r1, double r2) = EdgeResiduals(xM, yM, s, shape, length, edges);
            if (!double.IsFinite(r1) || !double.IsFinite(r2))
            {
                return false;
            }

            if (Math.Max(Math.Abs(r1), Math.Abs(r2)) <= FitConvergedPx || i == FitMaxIterations)
            {
                if (Math.Max(Math.Abs(r1), Math.Abs(r2)) > FitAcceptPx)
                {
                    return false;
                }

                break;
            }

            (double r1s, double r2s) = EdgeResiduals(xM, yM, s + FitStepM, shape, length, edges);
            (double r1l, double r2l) = EdgeResiduals(xM, yM, s, shape, length + FitStepM, edges);
            double j11 = (r1s - r1) / FitStepM, j21 = (r2s - r2) / FitStepM;
            double j12 = (r1l - r1) / FitStepM, j22 = (r2l - r2) / FitStepM;
            if (!(Math.Abs(j22 - j12) >= MinLengthObservabilityPxPerM))
            {
                return false; // length unobservable here: the caller fits the shift alone
            }

            double det = (j11 * j22) - (j12 * j21);
            if (!(Math.Abs(det) > 1e-9))
            {
                return false;
            }

            s += ((-r1 * j22) + (r2 * j12)) / det;
            length = Math.Clamp(length + (((-r2 * j11) + (r1 * j21)) / det), minLengthM, maxLengthM);
            if (!(Math.Abs(s) <= maxShiftM))
            {
                return false;
            }
        }

        shiftM = s;
        lengthM = length;
        return true;
    }

    private (double Left, double Right) EdgeResiduals(double xM, double yM, double shiftM, ObjectClassShape shape, double lengthM, in EdgeTarget edges)
    {
        (double minU, double maxU) = Extent(xM + (shiftM * _tangentX), yM + (shiftM * _tangentY), shape, lengthM);
        return (minU - edges.LeftEdgePx, maxU - edges.RightEdgePx);
    }

    // Horizontal extent, px, of the footprint box (aligned with ego x) from the ground to the class height. A corner out
    // of view stands at ±∞ on its side: fine when that side is cut and only the other edge is matched.
    private (double MinU, double MaxU) Extent(double xM, double yM, ObjectClassShape shape, double lengthM)
    {
        double halfLength = lengthM * 0.5, halfWidth = shape.WidthM * 0.5;
        double minU = double.PositiveInfinity, maxU = double.NegativeInfinity;
        for (int corner = 0; corner < 8; corner++)
        {
            var point = new Vec3(
                xM + ((corner & 1) == 0 ? -halfLength : halfLength),
                yM + ((corner & 2) == 0 ? -halfWidth : halfWidth),
                (corner & 4) == 0 ? 0 : shape.HeightM);
            double uPx = ProjectU(point);
            minU = Math.Min(minU, uPx);
            maxU = Math.Max(maxU, uPx);
        }

        return (minU, maxU);
    }

    private readonly record struct EdgeTarget(bool LeftCut, bool RightCut, double LeftEdgePx, double RightEdgePx);
}

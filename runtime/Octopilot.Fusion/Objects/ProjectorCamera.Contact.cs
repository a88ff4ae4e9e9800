using Octopilot.Inference.Perception;

namespace Octopilot.Fusion.Objects;

/// <summary>The range a box's bottom row gives: the footprint whose lowest row in view is that row.</summary>
internal sealed partial class ProjectorCamera
{
    // Secant on camera z: first step, m; stop below the first residual, px; accept up to the second.
    private const double ContactStepM = 0.25;
    private const double ContactConvergedPx = 0.01;
    private const double ContactAcceptPx = 0.25;
    private const int ContactMaxIterations = 12;

    /// <summary>
    /// The camera z of the footprint centre that the box's bottom row alone gives: along the contact's bearing, the depth
    /// at which the fitted footprint's lowest row in view (its nearest corner or side on the ground) is the box's bottom
    /// row. Pushing the contact back by half the class length assumes the object is seen end-on; a car in the next lane,
    /// or one a pillar or repeater camera sees at an angle, shows a corner, whose centre is nearer behind it. Starts at
    /// <paramref name="startDepthM"/>; <paramref name="pxPerM"/> is how fast the row moves with the depth there (the
    /// contact's sensitivity: one pixel of box bottom is 1 / |pxPerM| metres). False when the secant does not converge.
    /// </summary>
    private bool TryFitContactDepth(
        in Detection detection, BoxCuts cuts, ObjectClassShape shape, double bx, double by, double axisAlongBearing, double vBottomPx,
        double startDepthM, double maxShiftM, out double depthM, out double pxPerM)
    {
        depthM = pxPerM = 0;
        double z0 = startDepthM, z1 = startDepthM + ContactStepM;
        double f0 = ContactResidual(detection, cuts, shape, bx, by, axisAlongBearing, vBottomPx, z0, maxShiftM);
        double f1 = ContactResidual(detection, cuts, shape, bx, by, axisAlongBearing, vBottomPx, z1, maxShiftM);
        double slope = (f1 - f0) / (z1 - z0);
        for (int i = 0; i < ContactMaxIterations && double.IsFinite(f1) && Math.Abs(f1) > ContactConvergedPx; i++)
        {
            if (!double.IsFinite(f0) || !(Math.Abs(slope) > 1e-9))
            {
                return false;
            }

            double z2 = z1 - (f1 / slope);
            if (!(z2 > 0))
            {
                return false;
            }

            (z0, f0) = (z1, f1);
            z1 = z2;
            f1 = ContactResidual(detection, cuts, shape, bx, by, axisAlongBearing, vBottomPx, z1, maxShiftM);
            slope = (f1 - f0) / (z1 - z0);
        }

        if (!(Math.Abs(f1) <= ContactAcceptPx) || !(Math.Abs(slope) > 1e-9))
        {
            return false;
        }

        depthM = z1;
        pxPerM = slope;
        return true;
    }

    // Lowest footprint row minus the box's bottom row, px, with the footprint at camera z depthM on the bearing and fitted
    // to the box's edges (a failed fit keeps the bearing); not finite when no part of the footprint is in view.
    private double ContactResidual(
        in Detection detection, BoxCuts cuts, ObjectClassShape shape, double bx, double by, double axisAlongBearing, double vBottomPx,
        double depthM, double maxShiftM)
    {
        double r = (depthM + (_axis.Z * _positionM.Z)) / axisAlongBearing;
        double xM = _positionM.X + (r * bx), yM = _positionM.Y + (r * by), lengthM = shape.LengthM;
        TryFitFootprint(detection, cuts, shape, maxShiftM, ref xM, ref yM, ref lengthM);
        return FootprintBottomRowPx(xM, yM, shape.WidthM, lengthM) - vBottomPx;
    }
}

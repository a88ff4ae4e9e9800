using Octopilot.Fusion.Tracking;

namespace Octopilot.Fusion.Objects;

/// <summary>
/// Moves a fixed ground point from the ego frame at one time into the ego frame <c>dt</c> later, under the tracker's
/// ego model (<see cref="ObjectTracker"/>): speed v and yaw rate ω constant, θ = ω·dt, the ego moves along its arc
/// d = (v·sin θ/ω, v·(1 − cos θ)/ω) and turns by θ, so p' = R(−θ)(p − d). A negative dt moves back in time.
/// </summary>
internal static class EgoFrameShift
{
    // Below this turn angle, rad, the arc is taken as its second-order expansion (avoids 0/0).
    private const double SmallAngleRad = 1e-6;

    public static (double XM, double YM) ToLaterFrame(double xM, double yM, in EgoMotion ego, double dtS)
    {
        if (dtS == 0 || !ego.IsFinite)
        {
            return (xM, yM);
        }

        double theta = ego.YawRateRadps * dtS;
        double travelM = ego.SpeedMps * dtS;
        double dx, dy;
        if (Math.Abs(theta) < SmallAngleRad)
        {
            dx = travelM;
            dy = travelM * theta * 0.5;
        }
        else
        {
            dx = ego.SpeedMps * Math.Sin(theta) / ego.YawRateRadps;
            dy = ego.SpeedMps * (1 - Math.Cos(theta)) / ego.YawRateRadps;
        }

        double px = xM - dx, py = yM - dy;
        (double sin, double cos) = Math.SinCos(theta);
        return ((cos * px) + (sin * py), (-sin * px) + (cos * py));
    }
}

namespace Octopilot.Planner.LaneChange;

/// <summary>
/// UN R79 (ACSF category C) rear safety distance: a lane change must not start while a vehicle approaching from
/// behind in the target lane is closer than <c>S_rear = Δv·t_B + Δv²/(2·a) + v_ego·t_G</c>, Δv = its speed − ours.
/// The constants are regulation, not tuning, so they are not options.
/// </summary>
public static class RearSafety
{
    /// <summary>Time before the approaching vehicle reacts (t_B), s. Source: UN R79.</summary>
    public const double ReactionTimeS = 0.4;

    /// <summary>Deceleration assumed for the approaching vehicle (a), m/s². Source: UN R79.</summary>
    public const double ApproachingDecelMps2 = 3.0;

    /// <summary>Time gap the approaching vehicle keeps after braking (t_G), s. Source: UN R79.</summary>
    public const double RemainingTimeGapS = 1.0;

    /// <summary>
    /// S_rear in m. A vehicle that is not approaching (Δv ≤ 0) still needs the time-gap term: we clamp Δv at 0
    /// rather than waive the rule, so a car sitting 5 m behind in the target lane blocks the change (conservative).
    /// </summary>
    public static double RequiredGapM(double rearVehicleSpeedMps, double egoSpeedMps)
    {
        double approachMps = Math.Max(0, rearVehicleSpeedMps - egoSpeedMps);
        return (approachMps * ReactionTimeS)
            + ((approachMps * approachMps) / (2 * ApproachingDecelMps2))
            + (egoSpeedMps * RemainingTimeGapS);
    }
}

namespace Octopilot.Planner.Acc;

/// <summary>
/// Distance keep: the smallest of three demands wins.
/// <list type="number">
/// <item>Cruise: <c>k_v·(v_set − v)</c>.</item>
/// <item>Constant time gap: <c>k1·(gap − (d0 + v·T)) + k2·(v_lead − v)</c>; settles at the desired gap.</item>
/// <item>Kinematic: the constant deceleration that keeps d0 (see <see cref="RequiredDecelMps2"/>). The linear law alone
/// accelerates towards a stopped car seen 80 m away; this term brakes early and smoothly instead.</item>
/// </list>
/// </summary>
internal static class DistanceKeeper
{
    /// <summary>Floor of the distance left in the kinematic formulas, m: at or inside the kept gap the requirement saturates high.</summary>
    private const double MinMarginM = 0.1;

    /// <summary>Below this the lead counts as stopped, m/s: its braking no longer reduces the room ahead.</summary>
    private const double MovingLeadMps = 0.5;

    /// <param name="cruiseSpeedMps">Set speed, or set speed + margin while seeking a lane-change gap.</param>
    /// <param name="noAccelInsideTimeGap">While seeking a gap: never accelerate when closer than the time gap to the lead.</param>
    public static AccDemand Compute(double speedMps, double cruiseSpeedMps, double timeGapS, in Lead lead, PlannerOptions options,
        bool noAccelInsideTimeGap)
    {
        double cruiseMps2 = options.CruiseGainPerS * (cruiseSpeedMps - speedMps);
        double desiredGapM = options.StandstillDistanceM + (speedMps * timeGapS);
        if (!lead.Exists)
        {
            return new AccDemand(cruiseMps2, desiredGapM, 0, false);
        }

        double followMps2 = (options.GapGainPerS2 * (lead.GapM - desiredGapM)) + (options.RelativeSpeedGainPerS * (lead.SpeedMps - speedMps));
        double keepD0Mps2 = RequiredDecelMps2(speedMps, lead, options.StandstillDistanceM);
        double gapDemandMps2 = keepD0Mps2 > 0 ? Math.Min(followMps2, -keepD0Mps2) : followMps2;
        if (noAccelInsideTimeGap && lead.GapM < desiredGapM)
        {
            gapDemandMps2 = Math.Min(gapDemandMps2, 0);
        }

        double takeoverDecelMps2 = RequiredDecelMps2(speedMps, lead, options.TakeoverMinGapM);
        return new AccDemand(Math.Min(cruiseMps2, gapDemandMps2), desiredGapM, takeoverDecelMps2, gapDemandMps2 < cruiseMps2);
    }

    /// <summary>
    /// Constant ego deceleration (m/s², ≥ 0) that keeps at least <paramref name="keepGapM"/> to the lead: the larger of
    /// <list type="bullet">
    /// <item>relative form, lead at constant speed: <c>(v − v_lead)² / (2·(gap − keep))</c>, when closing;</item>
    /// <item>stopping form, lead braking at b to a stop: <c>v² / (2·(gap − keep + v_lead²/(2b)))</c>.</item>
    /// </list>
    /// </summary>
    public static double RequiredDecelMps2(double speedMps, in Lead lead, double keepGapM)
    {
        double marginM = lead.GapM - keepGapM;
        double closingMps = speedMps - lead.SpeedMps;
        double relativeMps2 = closingMps > 0 ? (closingMps * closingMps) / (2 * Math.Max(marginM, MinMarginM)) : 0;

        double leadBrakeMps2 = -lead.AccelMps2;
        double stoppingMps2 = 0;
        if (lead.SpeedMps > MovingLeadMps && leadBrakeMps2 > 0)
        {
            double leadStopDistanceM = (lead.SpeedMps * lead.SpeedMps) / (2 * leadBrakeMps2);
            stoppingMps2 = (speedMps * speedMps) / (2 * Math.Max(marginM + leadStopDistanceM, MinMarginM));
        }

        return Math.Max(relativeMps2, stoppingMps2);
    }
}

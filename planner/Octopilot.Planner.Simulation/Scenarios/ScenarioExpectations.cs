namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>
/// What must hold for a scenario to pass. Null members are not checked. Always checked: the rear gap at the start
/// of every lane change is at least S_rear (UN R79).
/// </summary>
/// <param name="NoCollision">No bumper gap ≤ 0 to any vehicle overlapping the ego laterally.</param>
/// <param name="EnvelopeRespected">The ego's actual motion stays inside the ISO 15622 envelope over the standard's windows.</param>
/// <param name="MinGapM">The bumper gap to the vehicle ahead never falls below this.</param>
/// <param name="MinTimeGapS">Gap / ego speed never falls below this from <paramref name="MinTimeGapFromS"/> on.</param>
/// <param name="Settle">Gap within a tolerance of d0 + v·T from a time on.</param>
/// <param name="Takeover">Whether a takeover request must, may or must not be raised.</param>
/// <param name="TakeoverByS">With <see cref="TakeoverExpectation.Expected"/>: the first request no later than this.</param>
/// <param name="LaneChange">How the lane-change procedure must end, if one is requested.</param>
/// <param name="LaneChangeStartNotBeforeS">Lateral movement must not start earlier (the ego must wait).</param>
/// <param name="LaneChangeStartByS">Lateral movement must have started by then.</param>
/// <param name="LaneChangeCompletedByS">The change must be completed by then.</param>
/// <param name="GapSeekingByS">The planner must be adjusting speed for a gap (the 5 s rule) by then.</param>
/// <param name="EgoStops">The ego must come to a standstill at some time.</param>
/// <param name="LateralLimitsRespected">While the planner steers, the ego's actual lateral acceleration stays ≤ 3 m/s² and
/// its lateral jerk ≤ 5 m/s³ (ISO 11270 limits, from <see cref="PlannerOptions.Lateral"/>).</param>
/// <param name="LaneKeeping">Offset from the lane centre while keeping the lane.</param>
/// <param name="LaneChangeCentred">How a lane change must end laterally.</param>
public sealed record ScenarioExpectations(
    bool NoCollision = true,
    bool EnvelopeRespected = true,
    double? MinGapM = null,
    double? MinTimeGapS = null,
    double MinTimeGapFromS = 0,
    SettleExpectation? Settle = null,
    TakeoverExpectation Takeover = TakeoverExpectation.Forbidden,
    double? TakeoverByS = null,
    LaneChangeExpectation? LaneChange = null,
    double? LaneChangeStartNotBeforeS = null,
    double? LaneChangeStartByS = null,
    double? LaneChangeCompletedByS = null,
    double? GapSeekingByS = null,
    bool EgoStops = false,
    double? FinalSpeedMinMps = null,
    double? FinalSpeedMaxMps = null,
    bool LateralLimitsRespected = true,
    LaneKeepingExpectation? LaneKeeping = null,
    LaneChangeCentredExpectation? LaneChangeCentred = null);

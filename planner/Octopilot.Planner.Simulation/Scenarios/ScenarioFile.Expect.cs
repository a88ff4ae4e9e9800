using Octopilot.Core.Configuration;

namespace Octopilot.Planner.Simulation.Scenarios;

public static partial class ScenarioFile
{
    private static ScenarioExpectations ReadExpect(JsonConfigNode e, double durationS)
    {
        e.RejectUnknownKeys("noCollision", "envelopeRespected", "minGapM", "minTimeGapS", "minTimeGapFromS", "settle", "takeover",
            "takeoverByS", "laneChange", "laneChangeStartNotBeforeS", "laneChangeStartByS", "laneChangeCompletedByS", "gapSeekingByS",
            "egoStops", "finalSpeedMinMps", "finalSpeedMaxMps", "lateralLimitsRespected", "laneKeeping", "laneChangeCentred");

        SettleExpectation? settle = null;
        if (e.OptionalChild("settle") is JsonConfigNode s)
        {
            s.RejectUnknownKeys("afterS", "toleranceFraction");
            settle = new SettleExpectation(
                s.NumberWhere("afterS", t => t >= 0 && t < durationS, "must be a time in 0..durationS (exclusive)"),
                s.NumberWhere("toleranceFraction", SettleExpectation.DefaultToleranceFraction, f => f is > 0 and <= 1, "must be in (0, 1]"));
        }

        TakeoverExpectation takeover = e.OptionalChild("takeover") is JsonConfigNode t ? EnumValue<TakeoverExpectation>(t) : TakeoverExpectation.Forbidden;
        if (e.Has("takeoverByS") && takeover != TakeoverExpectation.Expected)
        {
            throw e.FieldError("takeoverByS", "is only allowed with \"takeover\": \"expected\"");
        }

        var expect = new ScenarioExpectations(
            NoCollision: e.Boolean("noCollision", true),
            EnvelopeRespected: e.Boolean("envelopeRespected", true),
            MinGapM: e.Has("minGapM") ? e.NumberWhere("minGapM", g => g >= 0, "must be ≥ 0 m") : null,
            MinTimeGapS: e.Has("minTimeGapS") ? e.NumberWhere("minTimeGapS", g => g is > 0 and <= 5, "must be in (0, 5] s") : null,
            MinTimeGapFromS: e.Has("minTimeGapFromS") ? Time(e, "minTimeGapFromS", durationS) : 0,
            Settle: settle,
            Takeover: takeover,
            TakeoverByS: OptionalTime(e, "takeoverByS", durationS),
            LaneChange: e.OptionalChild("laneChange") is JsonConfigNode lc ? EnumValue<LaneChangeExpectation>(lc) : null,
            LaneChangeStartNotBeforeS: OptionalTime(e, "laneChangeStartNotBeforeS", durationS),
            LaneChangeStartByS: OptionalTime(e, "laneChangeStartByS", durationS),
            LaneChangeCompletedByS: OptionalTime(e, "laneChangeCompletedByS", durationS),
            GapSeekingByS: OptionalTime(e, "gapSeekingByS", durationS),
            EgoStops: e.Boolean("egoStops", false),
            FinalSpeedMinMps: e.Has("finalSpeedMinMps") ? Speed(e, "finalSpeedMinMps") : null,
            FinalSpeedMaxMps: e.Has("finalSpeedMaxMps") ? Speed(e, "finalSpeedMaxMps") : null,
            LateralLimitsRespected: e.Boolean("lateralLimitsRespected", true),
            LaneKeeping: e.OptionalChild("laneKeeping") is JsonConfigNode k ? ReadLaneKeeping(k, durationS) : null,
            LaneChangeCentred: e.OptionalChild("laneChangeCentred") is JsonConfigNode c ? ReadLaneChangeCentred(c) : null);

        if (e.Has("minTimeGapFromS") && expect.MinTimeGapS is null)
        {
            throw e.FieldError("minTimeGapFromS", "is only allowed with minTimeGapS");
        }

        return expect;
    }

    private static LaneKeepingExpectation ReadLaneKeeping(JsonConfigNode k, double durationS)
    {
        k.RejectUnknownKeys("fromS", "rmsMaxM", "maxM");
        return new LaneKeepingExpectation(
            k.NumberWhere("fromS", 0, t => t >= 0 && t < durationS, "must be a time in 0..durationS (exclusive)"),
            k.NumberWhere("rmsMaxM", LaneKeepingExpectation.DefaultRmsMaxM, v => v is > 0 and <= 2, "must be in (0, 2] m"),
            k.NumberWhere("maxM", LaneKeepingExpectation.DefaultMaxM, v => v is > 0 and <= 2, "must be in (0, 2] m"));
    }

    private static LaneChangeCentredExpectation ReadLaneChangeCentred(JsonConfigNode c)
    {
        c.RejectUnknownKeys("withinS", "toleranceM", "overshootMaxM");
        return new LaneChangeCentredExpectation(
            c.NumberWhere("withinS", LaneChangeCentredExpectation.DefaultWithinS, v => v is > 0 and <= 20, "must be in (0, 20] s"),
            c.NumberWhere("toleranceM", LaneChangeCentredExpectation.DefaultToleranceM, v => v is > 0 and <= 2, "must be in (0, 2] m"),
            c.NumberWhere("overshootMaxM", LaneChangeCentredExpectation.DefaultToleranceM, v => v is >= 0 and <= 2, "must be in 0..2 m"));
    }
}

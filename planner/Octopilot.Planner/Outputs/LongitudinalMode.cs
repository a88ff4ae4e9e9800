namespace Octopilot.Planner.Outputs;

/// <summary>Which rule produced the longitudinal command this tick.</summary>
public enum LongitudinalMode : byte
{
    /// <summary>Not engaged: the command is 0 and must not be applied.</summary>
    Off = 0,

    /// <summary>No lead, or the lead is far: speed control to the set speed.</summary>
    Cruise = 1,

    /// <summary>Gap control to the lead (time gap or the braking needed to keep d0).</summary>
    Follow = 2,

    /// <summary>Stopped; a holding brake command until the driver presses resume.</summary>
    StandstillHold = 3,

    /// <summary>World model stale, invalid or bad: a gentle ramp to <see cref="PlannerOptions.FallbackDecelMps2"/>.</summary>
    Fallback = 4,
}

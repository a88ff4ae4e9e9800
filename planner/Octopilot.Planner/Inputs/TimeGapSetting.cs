namespace Octopilot.Planner.Inputs;

/// <summary>
/// The driver's time-gap selector. The seconds behind each setting live in <see cref="PlannerOptions"/>
/// (defaults 1.0 / 1.5 / 2.0 s, never below <see cref="PlannerOptions.MinTimeGapS"/>).
/// </summary>
public enum TimeGapSetting : byte
{
    Short = 0,
    Medium = 1,
    Long = 2,
}

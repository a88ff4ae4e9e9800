namespace Octopilot.Planner.Acc;

/// <summary>The selected lead, or <see cref="None"/>.</summary>
internal readonly record struct Lead(bool Exists, int Id, double GapM, double SpeedMps, double AccelMps2)
{
    public static Lead None => new(false, -1, 0, 0, 0);
}

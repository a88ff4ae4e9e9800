namespace Octopilot.Host.Evaluation;

/// <summary>A range of horizontal distance from the ego origin, metres: [<see cref="MinM"/>, <see cref="MaxM"/>).</summary>
internal readonly record struct DistanceBand(string Name, double MinM, double MaxM)
{
    public bool Contains(double rangeM) => rangeM >= MinM && rangeM < MaxM;
}

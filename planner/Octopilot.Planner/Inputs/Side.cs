namespace Octopilot.Planner.Inputs;

/// <summary>A side of the ego vehicle for turn signals and lane-change requests. Left is +y (ISO 8855).</summary>
public enum Side : byte
{
    None = 0,
    Left = 1,
    Right = 2,
}

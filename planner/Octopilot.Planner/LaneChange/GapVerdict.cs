namespace Octopilot.Planner.LaneChange;

/// <summary>Why the target lane is or is not usable, worst first found.</summary>
internal enum GapVerdict : byte
{
    Clear = 0,
    FrontOccupied = 1,
    Alongside = 2,
    RearTooClose = 3,
}

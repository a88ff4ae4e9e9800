namespace Octopilot.Cameras.Synthetic;

/// <summary>
/// Per-pixel semantic class of the ground-truth class map (one byte per pixel). Drivable surface is
/// <see cref="Road"/> or <see cref="LaneMarking"/>; the paved shoulder and the grass are <see cref="OffRoad"/>.
/// </summary>
public enum LabelClass : byte
{
    Sky = 0,
    OffRoad = 1,
    Road = 2,
    LaneMarking = 3,
    Vehicle = 4,
}

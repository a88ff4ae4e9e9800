namespace Octopilot.Core.Labels;

/// <summary>
/// Per-pixel semantic class of a ground-truth class map (one byte per pixel): the label taxonomy shared by the
/// synthetic camera, snapshots, datasets and perception evaluation. Drivable surface is
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

namespace Octopilot.Core.Labels;

/// <summary>
/// Per-pixel semantic class of a ground-truth class map (one byte per pixel): the label taxonomy shared by the
/// synthetic camera, snapshots, datasets and perception evaluation. Drivable surface is
/// <see cref="Road"/>, <see cref="LaneMarking"/> or <see cref="SolidLaneMarking"/>; the paved shoulder and the grass
/// are <see cref="OffRoad"/>. Lane paint is either class: use <see cref="LabelClasses.IsLaneMarking"/>.
/// </summary>
public enum LabelClass : byte
{
    Sky = 0,
    OffRoad = 1,
    Road = 2,
    LaneMarking = 3,
    Vehicle = 4,

    /// <summary>
    /// Paint of a continuous (solid) line: the road's edge lines. Dashed lane dividers are <see cref="LaneMarking"/>.
    /// Appended (the values are written to label maps and datasets): a solid line is still lane paint, drivable, and
    /// counts as a lane marking everywhere a marking of either kind is meant.
    /// </summary>
    SolidLaneMarking = 5,
}

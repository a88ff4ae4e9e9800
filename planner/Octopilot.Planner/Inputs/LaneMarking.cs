namespace Octopilot.Planner.Inputs;

/// <summary>The paint of a lane boundary as the world model saw it. <c>default</c> (Unknown) keeps the planner's behaviour without markings.</summary>
public enum LaneMarking : byte
{
    /// <summary>Not known: no boundary measured there (inferred or held), or a producer that does not report markings.</summary>
    Unknown = 0,

    /// <summary>A dashed divider: may be crossed.</summary>
    Dashed = 1,

    /// <summary>A solid line: a lane change is not started across it (see <see cref="LaneChange.LaneChangeReason.SolidBoundary"/>).</summary>
    Solid = 2,
}

namespace Octopilot.Planner.Inputs;

/// <summary>
/// One tracked road user in the ego frame (ISO 8855: x forward, y left, origin on the ground under the rear axle).
/// Position is the centre of the object's footprint; velocity and acceleration are over ground, in ego axes.
/// </summary>
public readonly struct TrackedObject
{
    /// <summary>Lane index meaning "the tracker does not know"; the planner then uses the lateral position.</summary>
    public const int UnknownLane = -1;

    /// <summary>Track id, stable while the tracker follows the object. Reported as the lead id.</summary>
    public int Id { get; init; }

    /// <summary>Footprint centre, m forward of the ego rear axle.</summary>
    public double XM { get; init; }

    /// <summary>Footprint centre, m left of the ego rear axle.</summary>
    public double YM { get; init; }

    /// <summary>Longitudinal velocity over ground, m/s (a vehicle driving with us at 20 m/s reads 20, not 0).</summary>
    public double VxMps { get; init; }

    /// <summary>Lateral velocity over ground, m/s, positive to the left.</summary>
    public double VyMps { get; init; }

    /// <summary>Longitudinal acceleration over ground, m/s²; 0 when the tracker does not estimate it.</summary>
    public double AxMps2 { get; init; }

    public double LengthM { get; init; }

    public double WidthM { get; init; }

    /// <summary>Lane index (0 = leftmost lane in the driving direction) or <see cref="UnknownLane"/>.</summary>
    public int LaneIndex { get; init; }

    /// <summary>Longitudinal position of the rear end, m forward of the ego rear axle.</summary>
    public double RearXM => XM - (0.5 * LengthM);

    /// <summary>Longitudinal position of the front end, m forward of the ego rear axle.</summary>
    public double FrontXM => XM + (0.5 * LengthM);
}

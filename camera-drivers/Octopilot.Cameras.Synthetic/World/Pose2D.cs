namespace Octopilot.Cameras.Synthetic;

/// <summary>
/// A pose on the flat world plane: position in metres and heading in radians (counter-clockwise from world +x).
/// For the ego it is the ISO 8855 origin (ground under the rear axle); for a scripted vehicle the box's ground centre.
/// </summary>
public readonly record struct Pose2D(double XM, double YM, double HeadingRad)
{
    public override string ToString() => FormattableString.Invariant($"({XM:0.###} m, {YM:0.###} m, {HeadingRad:0.#####} rad)");
}

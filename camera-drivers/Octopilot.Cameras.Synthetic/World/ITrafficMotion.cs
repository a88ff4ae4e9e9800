namespace Octopilot.Cameras.Synthetic;

/// <summary>
/// Where the scripted vehicles are at a sim time: the seam through which a closed-loop simulation (traffic that reacts
/// to triggers) replaces the scenario file's constant-speed script. Same rules as <see cref="IEgoMotion"/>: thread-safe,
/// allocation-free, the same pose for the same time. Sizes and colours still come from the scenario's vehicle list.
/// </summary>
public interface ITrafficMotion
{
    /// <summary>World pose of vehicle <paramref name="index"/>'s box ground centre (scenario order) at <paramref name="simTimeNs"/>.</summary>
    Pose2D PoseAt(int index, long simTimeNs);
}

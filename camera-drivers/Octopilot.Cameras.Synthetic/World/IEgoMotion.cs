namespace Octopilot.Cameras.Synthetic;

/// <summary>
/// Where the ego car is at a sim time: the seam through which a simulated vehicle (closed loop) replaces the scripted
/// drive. Called concurrently from every camera thread, so implementations must be thread-safe, must not allocate, and
/// must give the same pose for the same time (a camera renders exactly its own frame time, which may be slightly in
/// the past or future of other cameras').
/// </summary>
public interface IEgoMotion
{
    /// <summary>Ego pose (ISO 8855 origin: ground under the rear axle) at <paramref name="simTimeNs"/> ns since sim start.</summary>
    Pose2D PoseAt(long simTimeNs);
}

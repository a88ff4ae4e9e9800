using Octopilot.Core.Time;

namespace Octopilot.Cameras.Synthetic;

/// <summary>The default ego drive: centred in its lane at constant station speed, heading along the road. Pure; thread-safe.</summary>
public sealed class LaneFollowingEgoMotion : IEgoMotion
{
    private readonly HighwayRoad _road;
    private readonly double _lateralM;

    public LaneFollowingEgoMotion(HighwayRoad road, EgoSpec ego)
    {
        _road = road;
        Ego = ego;
        _lateralM = road.Spec.LaneCentreOffsetM(ego.LaneIndex);
    }

    public EgoSpec Ego { get; }

    /// <summary>Station of the rear axle at a sim time, metres.</summary>
    public double StationAtM(long simTimeNs) => Ego.StartStationM + (Ego.SpeedMps * TimeUnits.NsToSeconds(simTimeNs));

    public Pose2D PoseAt(long simTimeNs) => _road.RoadToWorld(StationAtM(simTimeNs), _lateralM);
}

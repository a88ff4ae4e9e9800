namespace Octopilot.Fusion.Tracking;

/// <summary>One entry of the tracker's fixed track array; <see cref="Live"/> false means free. Changed in place by ref.</summary>
internal struct TrackSlot
{
    public bool Live;
    public int Id;
    public TrackState State;
    public ConstantVelocityFilter Filter;

    /// <summary>Hit (1) or miss (0) of the last sets, newest in bit 0, masked to the confirmation window.</summary>
    public ushort HitHistory;
    public int AgeSets;
    public int Hits;
    public int ConsecutiveMisses;
    public double LengthM;
    public double WidthM;
    public int ClassId;
}

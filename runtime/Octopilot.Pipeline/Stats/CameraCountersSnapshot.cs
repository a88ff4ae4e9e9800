namespace Octopilot.Pipeline.Stats;

/// <summary>A copy of one camera's counters at one moment; subtract two to get rates.</summary>
public readonly record struct CameraCountersSnapshot(
    long Captured, long Dropped, long Late, long Errors, long DeviceGaps, long MissingFromSets)
{
    public static CameraCountersSnapshot operator -(CameraCountersSnapshot a, CameraCountersSnapshot b) => new(
        a.Captured - b.Captured, a.Dropped - b.Dropped, a.Late - b.Late,
        a.Errors - b.Errors, a.DeviceGaps - b.DeviceGaps, a.MissingFromSets - b.MissingFromSets);
}

namespace Octopilot.WorldModel;

/// <summary>
/// The eight 45° sectors around the ego vehicle, counter-clockwise from straight ahead (ego frame: x forward, y left).
/// Sector k spans bearings [k·45° − 22.5°, k·45° + 22.5°).
/// </summary>
public enum CoverageSector
{
    Front = 0,
    FrontLeft = 1,
    Left = 2,
    RearLeft = 3,
    Rear = 4,
    RearRight = 5,
    Right = 6,
    FrontRight = 7,
}

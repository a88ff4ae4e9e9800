namespace Octopilot.Fusion.Bev;

/// <summary>
/// Something about the rig that the lookup table found suspicious at start-up but that does not stop the car from
/// starting (the other cameras still fill the grid). Returned as data: the host logs it and shows it in the status.
/// </summary>
public sealed record BevStartupWarning(BevWarningKind Kind, int Camera, string CameraName, string Message)
{
    public override string ToString() => Message;
}

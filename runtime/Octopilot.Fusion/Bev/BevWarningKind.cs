namespace Octopilot.Fusion.Bev;

/// <summary>What a start-up warning of the lookup table is about.</summary>
public enum BevWarningKind
{
    /// <summary>No grid cell projects into the camera's image on the flat ground: it looks at the sky, is mounted wrongly, or its calibration is.</summary>
    CameraSeesNoGround = 0,

    /// <summary>The camera sees ground cells, but two other cameras see each of them better: it never feeds the grid.</summary>
    CameraNeverUsed = 1,
}

namespace Octopilot.Core.Calibration.Importers;

/// <summary>Which images of a KITTI raw recording the imported rig describes.</summary>
public enum KittiRawImages
{
    /// <summary>The rectified images (<c>*_sync</c> / object benchmark): P_rect_xx, S_rect_xx, no distortion, common orientation R_rect_00.</summary>
    Rectified,

    /// <summary>The raw images (<c>*_extract</c>): K_xx, D_xx (k1 k2 p1 p2 k3), S_xx, pose R_xx / T_xx relative to camera 0.</summary>
    Unrectified,
}

namespace Octopilot.Core.Frames;

/// <summary>Pixel layouts a camera can deliver. The model input is always <see cref="Rgb24"/>.</summary>
public enum PixelFormat
{
    /// <summary>Packed 8-bit R, G, B: 3 bytes per pixel; the HydraNet input layout.</summary>
    Rgb24 = 0,

    /// <summary>Packed YUV 4:2:2 (Y0 U Y1 V): 2 bytes per pixel; what most USB/GMSL cameras stream.</summary>
    Yuyv = 1,
}

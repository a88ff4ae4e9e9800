namespace Octopilot.Host.Snapshots;

/// <summary>One 8-bit sRGB colour, stored in a buffer as the three bytes R, G, B.</summary>
public readonly record struct Rgb24Color(byte R, byte G, byte B);

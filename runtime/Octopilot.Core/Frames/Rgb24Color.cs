namespace Octopilot.Core.Frames;

/// <summary>An 8-bit RGB colour, the byte order of an RGB24 frame.</summary>
public readonly record struct Rgb24Color(byte R, byte G, byte B)
{
    public override string ToString() => $"[{R}, {G}, {B}]";
}

namespace Octopilot.Cameras.V4l2.Device;

/// <summary>One pixel format a capture node offers (VIDIOC_ENUM_FMT), with the driver's own description.</summary>
public sealed record V4l2FormatDescription(V4l2FourCc FourCc, string Description, bool Compressed);

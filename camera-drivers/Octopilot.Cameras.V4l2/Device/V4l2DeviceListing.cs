namespace Octopilot.Cameras.V4l2.Device;

/// <summary>One capture node as `octopilot cameras list` shows it: what it is, its stable names, and every
/// format with its sizes and rates (or why it could not be read).</summary>
public sealed record V4l2DeviceListing(
    string Path,
    IReadOnlyList<string> StableLinks,
    V4l2Capabilities? Capabilities,
    IReadOnlyList<V4l2FormatListing> Formats,
    string? Error);

/// <summary>One pixel format with its sizes, and the rates at each size.</summary>
public sealed record V4l2FormatListing(V4l2FormatDescription Format, bool Convertible, IReadOnlyList<V4l2SizeListing> Sizes);

/// <summary>One size (or size range) with its rates (at the range's largest size for a range).</summary>
public sealed record V4l2SizeListing(V4l2FrameSize Size, IReadOnlyList<V4l2FrameInterval> Rates);

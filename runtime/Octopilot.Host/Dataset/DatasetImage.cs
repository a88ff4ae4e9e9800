namespace Octopilot.Host.Dataset;

/// <summary>
/// One camera image of one sample, decoded: RGB24 pixels, the class map (one label byte per pixel), the depth map
/// (metres of camera z per pixel, 0 = none) and the labelled objects. All row-major at the manifest's mode size.
/// </summary>
internal sealed record DatasetImage(string SampleId, string Camera, byte[] Rgb24, byte[] Labels, float[] DepthM, IReadOnlyList<LabelledObject> Objects);

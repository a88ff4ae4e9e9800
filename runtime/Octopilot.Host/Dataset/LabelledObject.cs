namespace Octopilot.Host.Dataset;

/// <summary>
/// One entry of a <c>&lt;camera&gt;.objects.json</c> file: an object's class, its box of visible pixels (inclusive pixel
/// indices), how many pixels of it are visible, its label depth (metres, camera z) and its ground centre in the ego frame.
/// </summary>
internal sealed record LabelledObject(
    int Id, string ClassName, int MinUPx, int MinVPx, int MaxUPx, int MaxVPx, int VisiblePixels, double DepthM,
    double GroundCentreXM, double GroundCentreYM, double GroundCentreZM)
{
    /// <summary>Horizontal distance of the ground centre from the ego origin, metres: √(x² + y²).</summary>
    public double HorizontalRangeM => Math.Sqrt((GroundCentreXM * GroundCentreXM) + (GroundCentreYM * GroundCentreYM));
}

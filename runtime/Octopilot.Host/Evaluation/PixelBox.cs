namespace Octopilot.Host.Evaluation;

/// <summary>
/// An axis-aligned box in continuous image coordinates, pixel edges: pixel column u covers [u, u + 1). A label's
/// inclusive pixel box [minU, maxU] is therefore [minU, maxU + 1); a detection's centre and size are already continuous.
/// </summary>
internal readonly record struct PixelBox(double MinU, double MinV, double MaxU, double MaxV)
{
    public double Area => Math.Max(0, MaxU - MinU) * Math.Max(0, MaxV - MinV);

    public static PixelBox FromInclusive(int minU, int minV, int maxU, int maxV) => new(minU, minV, maxU + 1, maxV + 1);

    public static PixelBox FromCentre(double centreU, double centreV, double widthPx, double heightPx) =>
        new(centreU - (widthPx / 2), centreV - (heightPx / 2), centreU + (widthPx / 2), centreV + (heightPx / 2));

    /// <summary>Intersection over union, 0..1 (0 when both are empty).</summary>
    public double Iou(PixelBox other)
    {
        double w = Math.Min(MaxU, other.MaxU) - Math.Max(MinU, other.MinU);
        double h = Math.Min(MaxV, other.MaxV) - Math.Max(MinV, other.MinV);
        double intersection = w > 0 && h > 0 ? w * h : 0;
        double union = Area + other.Area - intersection;
        return union > 0 ? intersection / union : 0;
    }
}

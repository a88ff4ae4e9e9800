namespace Octopilot.Host.Evaluation;

/// <summary>
/// An axis-aligned box in continuous image coordinates, pixel centres as a <see cref="Inference.Perception.Detection"/>
/// holds them: pixel column u covers [u − 0.5, u + 0.5). A label's inclusive pixel box [minU, maxU] is therefore
/// [minU − 0.5, maxU + 0.5); a detection's centre and size are already continuous.
/// </summary>
internal readonly record struct PixelBox(double MinU, double MinV, double MaxU, double MaxV)
{
    public double Area => Math.Max(0, MaxU - MinU) * Math.Max(0, MaxV - MinV);

    public static PixelBox FromInclusive(int minU, int minV, int maxU, int maxV) => new(minU - 0.5, minV - 0.5, maxU + 0.5, maxV + 0.5);

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

namespace Octopilot.Fusion.Objects;

/// <summary>
/// Typical footprint and height of one detector class, used where a camera cannot observe them: the length along the
/// heading (hidden when the object is seen end-on), the width and height of the footprint model that corrects the box
/// centre's bearing (<see cref="DetectionProjector"/>).
/// </summary>
/// <param name="ClassName">Name in the model's class list (compared ignoring case).</param>
/// <param name="LengthM">Footprint length along the heading, m, &gt; 0.</param>
/// <param name="WidthM">Footprint width, m, &gt; 0.</param>
/// <param name="HeightM">Height above the ground, m, &gt; 0.</param>
public sealed record ObjectClassShape(string ClassName, double LengthM, double WidthM, double HeightM);

namespace Octopilot.Inference.Perception;

/// <summary>The HydraNet heads of contract v1 (onnx/CONTRACT.md). The value is the index used in per-head arrays.</summary>
public enum HeadKind
{
    Lanes = 0,
    Drivable = 1,
    Depth = 2,
    Objects = 3,
}

namespace Octopilot.Inference.Perception;

/// <summary>Facts about <see cref="HeadKind"/> that per-head arrays are sized by.</summary>
public static class HeadKinds
{
    /// <summary>Number of <see cref="HeadKind"/> values (the highest value + 1): the length of every per-head array.</summary>
    public const int Count = (int)HeadKind.SolidLines + 1;
}

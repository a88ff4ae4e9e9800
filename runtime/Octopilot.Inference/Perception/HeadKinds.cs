namespace Octopilot.Inference.Perception;

/// <summary>Facts about <see cref="HeadKind"/> that per-head arrays are sized and iterated by.</summary>
public static class HeadKinds
{
    /// <summary>Number of <see cref="HeadKind"/> values (the highest value + 1): the length of every per-head array.</summary>
    public const int Count = (int)HeadKind.SolidLines + 1;

    /// <summary>True for the <c>[N,1,H/S,W/S]</c> map heads; false for <see cref="HeadKind.Objects"/> (rows, not a map).</summary>
    public static bool IsMap(HeadKind head) => head != HeadKind.Objects;
}

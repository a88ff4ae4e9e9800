using Octopilot.Inference.Perception;

namespace Octopilot.Inference.Engine;

/// <summary>The facts of a validated model that the engine binds and decodes by (derived from its contract).</summary>
internal sealed record ModelLayout(
    string InputName,
    int? FixedBatch,
    int InputHeightPx,
    int InputWidthPx,
    int Stride,
    int MaxObjects,
    IReadOnlyList<string> Classes,
    IReadOnlyDictionary<HeadKind, string> HeadOutputNames)
{
    public int MapHeight => InputHeightPx / Stride;

    public int MapWidth => InputWidthPx / Stride;
}

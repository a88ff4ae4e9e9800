using Octopilot.Inference.Contract;
using Octopilot.Inference.Perception;

namespace Octopilot.Inference.Engine;

/// <summary>Maps a validated <see cref="ModelContract"/> to the layout the engine binds and decodes by.</summary>
internal static class ModelLayoutFrom
{
    public static ModelLayout Contract(ModelContract contract)
    {
        var heads = new Dictionary<HeadKind, string>();
        if (contract.HasLanes)
        {
            heads[HeadKind.Lanes] = ModelContract.LanesOutput;
        }

        if (contract.HasDrivable)
        {
            heads[HeadKind.Drivable] = ModelContract.DrivableOutput;
        }

        if (contract.HasDepth)
        {
            heads[HeadKind.Depth] = ModelContract.DepthOutput;
        }

        if (contract.HasObjects)
        {
            heads[HeadKind.Objects] = ModelContract.ObjectsOutput;
        }

        if (contract.HasSolidLines)
        {
            heads[HeadKind.SolidLines] = ModelContract.SolidLinesOutput;
        }

        return new ModelLayout(
            ModelContract.InputName, contract.BatchSize, contract.InputHeightPx, contract.InputWidthPx, contract.Stride,
            contract.MaxObjects, contract.Classes, heads);
    }
}

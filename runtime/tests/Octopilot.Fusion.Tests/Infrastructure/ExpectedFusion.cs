using Octopilot.Fusion.Bev;
using Octopilot.Inference.Perception;

namespace Octopilot.Fusion.Tests.Infrastructure;

/// <summary>The merge rule written out plainly, per cell, from the table's public sources: what the fusion must produce.</summary>
internal static class ExpectedFusion
{
    public static (bool Known, float Value) Cell(BevLookupTable table, int cell, HeadKind head, Func<int, bool> cameraValid)
    {
        double sum = 0;
        double weights = 0;
        for (int slot = 0; slot < table.SourceCount(cell); slot++)
        {
            BevCellSource source = table.GetSource(cell, slot);
            if (cameraValid(source.Camera))
            {
                sum += source.Weight * DetachedSets.Distinct(head, source.Camera, source.MapPixelIndex, table.MapLength);
                weights += source.Weight;
            }
        }

        return weights > 0 ? (true, (float)(sum / weights)) : (false, 0f);
    }
}

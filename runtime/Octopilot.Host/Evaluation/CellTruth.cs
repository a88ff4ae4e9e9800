using Octopilot.Core.Labels;

namespace Octopilot.Host.Evaluation;

/// <summary>
/// One image's ground truth reduced to a grid of cells laid over it (the model's output grid): cell column i covers
/// image columns ⌊i·W/w⌋ … ⌊(i+1)·W/w⌋ − 1, rows likewise. Per cell:
/// <list type="bullet">
/// <item>lane marking: any of its pixels is lane paint, dashed or solid (<see cref="LabelClasses.IsLaneMarking"/>): a
/// 12 cm line is far thinner than a cell, so "any" is the only rule under which a cell can hold a line at all;</item>
/// <item>solid lane marking: any of its pixels is <see cref="LabelClass.SolidLaneMarking"/> (same reason);</item>
/// <item>drivable: at least half its pixels are drivable (<see cref="LabelClasses.IsDrivable"/>): area, majority rule;</item>
/// <item>depth: the mean of its pixels with depth &gt; 0, metres; 0 (no depth) when none has one.</item>
/// </list>
/// </summary>
internal sealed class CellTruth
{
    private CellTruth(int widthCells, int heightCells)
    {
        WidthCells = widthCells;
        HeightCells = heightCells;
        LaneMarking = new bool[widthCells * heightCells];
        SolidLaneMarking = new bool[widthCells * heightCells];
        Drivable = new bool[widthCells * heightCells];
        DepthM = new float[widthCells * heightCells];
    }

    public int WidthCells { get; }

    public int HeightCells { get; }

    public bool[] LaneMarking { get; }

    public bool[] SolidLaneMarking { get; }

    public bool[] Drivable { get; }

    public float[] DepthM { get; }

    /// <param name="labels">Class-map bytes, row-major <paramref name="widthPx"/> × <paramref name="heightPx"/>.</param>
    /// <param name="labelOf">Per byte value, the <see cref="LabelClass"/> it stands for (null: none).</param>
    public static CellTruth From(
        ReadOnlySpan<byte> labels, ReadOnlySpan<float> depthM, int widthPx, int heightPx, int widthCells, int heightCells, IReadOnlyList<LabelClass?> labelOf)
    {
        if (labels.Length != widthPx * heightPx || depthM.Length != widthPx * heightPx)
        {
            throw new ArgumentException($"labels ({labels.Length}) and depth ({depthM.Length}) must both be {widthPx}x{heightPx} values", nameof(labels));
        }

        if (widthCells <= 0 || heightCells <= 0 || widthCells > widthPx || heightCells > heightPx)
        {
            throw new ArgumentOutOfRangeException(nameof(widthCells), $"a grid of {widthCells}x{heightCells} cells must have 1..{widthPx}x{heightPx} cells (at least a pixel each)");
        }

        Span<bool> lane = stackalloc bool[256], solid = stackalloc bool[256], drivable = stackalloc bool[256];
        for (int v = 0; v < 256; v++)
        {
            lane[v] = labelOf[v] is LabelClass c && LabelClasses.IsLaneMarking(c);
            solid[v] = labelOf[v] == LabelClass.SolidLaneMarking;
            drivable[v] = labelOf[v] is LabelClass d && LabelClasses.IsDrivable(d);
        }

        var truth = new CellTruth(widthCells, heightCells);
        for (int j = 0; j < heightCells; j++)
        {
            int v0 = j * heightPx / heightCells, v1 = (j + 1) * heightPx / heightCells;
            for (int i = 0; i < widthCells; i++)
            {
                int u0 = i * widthPx / widthCells, u1 = (i + 1) * widthPx / widthCells;
                int pixels = 0, drivablePixels = 0, depthPixels = 0;
                bool anyLane = false, anySolid = false;
                double depthSumM = 0;
                for (int v = v0; v < v1; v++)
                {
                    for (int u = u0; u < u1; u++)
                    {
                        int p = (v * widthPx) + u;
                        byte label = labels[p];
                        pixels++;
                        anyLane |= lane[label];
                        anySolid |= solid[label];
                        drivablePixels += drivable[label] ? 1 : 0;
                        if (depthM[p] > 0)
                        {
                            depthPixels++;
                            depthSumM += depthM[p];
                        }
                    }
                }

                int cell = (j * widthCells) + i;
                truth.LaneMarking[cell] = anyLane;
                truth.SolidLaneMarking[cell] = anySolid;
                truth.Drivable[cell] = 2 * drivablePixels >= pixels;
                truth.DepthM[cell] = depthPixels > 0 ? (float)(depthSumM / depthPixels) : 0;
            }
        }

        return truth;
    }
}

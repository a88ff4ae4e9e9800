namespace Octopilot.Fusion.Bev;

/// <summary>
/// For every cell of the BEV grid, the (up to) two cameras that see it under the flat-ground assumption and the pixel of
/// their head maps that covers it, with the weight each gets in an overlap. Built once at start-up by
/// <see cref="Build"/> from a rig scaled to the capture size; immutable afterwards and read by <see cref="BevFusion"/>
/// on the inference thread. Stored as flat arrays (one entry per cell per slot), so a frame set's fusion is a gather.
/// </summary>
public sealed partial class BevLookupTable
{
    /// <summary>Most sources kept per cell: three forward cameras overlap, but the third adds little over the best two.</summary>
    public const int MaxSourcesPerCell = 2;

    /// <summary>Most cameras a table can serve: camera bits live in a 32-bit mask and <see cref="NoCamera"/> takes bit 31.</summary>
    public const int MaxCameras = 31;

    /// <summary>
    /// Camera index stored in an empty slot. Bit 31 of a camera-validity mask is never set (at most 31 cameras), so
    /// <c>(mask &gt;&gt; NoCamera) &amp; 1</c> is 0 and the fusion needs no separate "slot empty" branch.
    /// </summary>
    internal const byte NoCamera = 31;

    // Struct of arrays, one entry per cell. Slot 0 is the better-weighted source. Source index = camera·MapLength + map pixel:
    // a direct index into PerceptionFrameSet.Maps(head). The arrays are laid out so the all-cameras-valid case is one
    // branch-free expression per cell, w0·m[s0] + w1·m[s1]:
    //   two sources: weights sum to 1;
    //   one source:  slot 1 repeats slot 0's source with weight 0 (camera NoCamera);
    //   no source:   both weights 0 and source 0 (a real, finite pixel when all are valid, times 0), both cameras NoCamera.
    private readonly byte[] _camera0;
    private readonly byte[] _camera1;
    private readonly int[] _source0;
    private readonly int[] _source1;
    private readonly float[] _weight0;
    private readonly float[] _weight1;

    // Cells with at least one source: the known layer whenever every used camera is valid (copied, not recomputed).
    private readonly bool[] _covered;

    private readonly int[] _seenCellsPerCamera;
    private readonly int[] _usedCellsPerCamera;

    public BevGridOptions Grid { get; }

    public int CameraCount { get; }

    public int MapWidth { get; }

    public int MapHeight { get; }

    public int StridePx { get; }

    public int MapLength => MapWidth * MapHeight;

    public int CellCount => _weight0.Length;

    /// <summary>Cells no camera sees (under and right beside the car, gaps between footprints): always unknown.</summary>
    public int UncoveredCellCount { get; }

    /// <summary>Cells with two sources.</summary>
    public int OverlapCellCount { get; }

    /// <summary>Everything suspicious about the rig found while building; empty for a healthy rig.</summary>
    public IReadOnlyList<BevStartupWarning> Warnings { get; }

    /// <summary>Managed memory the table holds, bytes.</summary>
    public long MemoryBytes => (long)CellCount * ((2 * sizeof(byte)) + (2 * sizeof(int)) + (2 * sizeof(float)) + sizeof(bool));

    /// <summary>Cells whose centre projects into the camera's map (before keeping the best two per cell).</summary>
    public int CameraSeenCellCount(int camera) => _seenCellsPerCamera[camera];

    /// <summary>Cells for which the camera is one of the kept sources.</summary>
    public int CameraUsedCellCount(int camera) => _usedCellsPerCamera[camera];

    /// <summary>Sources of a cell: 0, 1 or 2.</summary>
    public int SourceCount(int cell) => _camera0[cell] == NoCamera ? 0 : _camera1[cell] == NoCamera ? 1 : 2;

    /// <summary>Source <paramref name="slot"/> (0 = best) of a cell; <paramref name="slot"/> must be below <see cref="SourceCount"/>.</summary>
    public BevCellSource GetSource(int cell, int slot)
    {
        if ((uint)slot >= (uint)SourceCount(cell))
        {
            throw new ArgumentOutOfRangeException(nameof(slot), slot, $"cell {cell} has {SourceCount(cell)} source(s)");
        }

        int camera = slot == 0 ? _camera0[cell] : _camera1[cell];
        int source = slot == 0 ? _source0[cell] : _source1[cell];
        float weight = slot == 0 ? _weight0[cell] : _weight1[cell];
        return new BevCellSource(camera, source - (camera * MapLength), weight);
    }

    internal ReadOnlySpan<byte> Camera0 => _camera0;

    internal ReadOnlySpan<byte> Camera1 => _camera1;

    internal ReadOnlySpan<int> Source0 => _source0;

    internal ReadOnlySpan<int> Source1 => _source1;

    internal ReadOnlySpan<float> Weight0 => _weight0;

    internal ReadOnlySpan<float> Weight1 => _weight1;

    internal ReadOnlySpan<bool> Covered => _covered;

    /// <summary>Bit c set: camera c is a source of at least one cell. Cameras outside it never change a fused value.</summary>
    internal uint UsedCameraMask { get; }
}

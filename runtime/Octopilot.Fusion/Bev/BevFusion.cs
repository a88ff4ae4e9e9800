using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Octopilot.Inference.Perception;

namespace Octopilot.Fusion.Bev;

/// <summary>
/// Fuses the lanes, drivable and (when the model has it) solid-lines heads of a frame set into the BEV grid through a <see cref="BevLookupTable"/>: per cell
/// a gather of the (up to) two table sources, merged as the table-weighted mean of the sources whose camera's head is
/// valid in this set (weights renormalised over the valid ones); a cell with no valid source is unknown. Allocates
/// nothing. Runs on the inference thread; one instance per table, stateless between sets, so any single thread may call it.
/// </summary>
public sealed class BevFusion
{
    public BevFusion(BevLookupTable table)
    {
        Table = table;
    }

    public BevLookupTable Table { get; }

    /// <summary>Layers sized for this table's grid (allocate once at start-up, reuse for every set).</summary>
    public BevLayers CreateLayers() => new(Table.Grid);

    /// <summary>
    /// Overwrites <paramref name="layers"/> with the fusion of <paramref name="set"/>. The set must come from a model and rig
    /// matching the table (camera count and map size; checked, since a mismatch would read the wrong pixels silently).
    /// Reads the set's maps only during the call, so it must run before the engine's next run.
    /// </summary>
    public void Fuse(PerceptionFrameSet set, BevLayers layers)
    {
        CheckShapes(set, layers);
        uint lanesMask = ValidCameraMask(set, HeadKind.Lanes);
        uint drivableMask = ValidCameraMask(set, HeadKind.Drivable);
        uint solidMask = ValidCameraMask(set, HeadKind.SolidLines);
        layers.LanesKnownCellCount = FuseHead(set, HeadKind.Lanes, lanesMask, layers.LanesForWrite, layers.LanesKnownForWrite);
        layers.DrivableKnownCellCount = FuseHead(set, HeadKind.Drivable, drivableMask, layers.DrivableForWrite, layers.DrivableKnownForWrite);
        layers.SolidLinesKnownCellCount = FuseHead(set, HeadKind.SolidLines, solidMask, layers.SolidLinesForWrite, layers.SolidLinesKnownForWrite);
        layers.SetSequence = set.SetSequence;
        layers.LanesCameraMask = lanesMask;
        layers.DrivableCameraMask = drivableMask;
        layers.SolidLinesCameraMask = solidMask;
    }

    /// <summary>One head into one layer; returns the known cell count.</summary>
    private int FuseHead(PerceptionFrameSet set, HeadKind head, uint validMask, Span<float> values, Span<bool> known)
    {
        if (validMask == 0)
        {
            values.Clear();
            known.Clear();
            return 0;
        }

        ReadOnlySpan<float> maps = set.Maps(head);
        if (maps.Length < Table.CameraCount * Table.MapLength)
        {
            ThrowMapsTooShort(head, maps.Length);
        }

        uint used = Table.UsedCameraMask;
        if ((validMask & used) == used)
        {
            // The usual set: every camera the table uses is valid, so the known layer is the static coverage.
            GatherAllValid(maps, values);
            Table.Covered.CopyTo(known);
            return Table.CellCount - Table.UncoveredCellCount;
        }

        return GatherMasked(maps, validMask, values, known);
    }

    /// <summary>
    /// Every source valid: one branch-free w0·m[s0] + w1·m[s1] per cell (the table's layout makes one-source and
    /// no-source cells fit the same expression). Indices come from the table, which was built for maps of this shape
    /// (checked in <see cref="CheckShapes"/>), so the bounds checks are dropped on the hot loop.
    /// </summary>
    private void GatherAllValid(ReadOnlySpan<float> maps, Span<float> values)
    {
        ref float map = ref MemoryMarshal.GetReference(maps);
        ref int source0 = ref MemoryMarshal.GetReference(Table.Source0);
        ref int source1 = ref MemoryMarshal.GetReference(Table.Source1);
        ref float weight0 = ref MemoryMarshal.GetReference(Table.Weight0);
        ref float weight1 = ref MemoryMarshal.GetReference(Table.Weight1);
        ref float value = ref MemoryMarshal.GetReference(values);
        int cells = values.Length;
        for (int cell = 0; cell < cells; cell++)
        {
            float v0 = Unsafe.Add(ref map, Unsafe.Add(ref source0, cell));
            float v1 = Unsafe.Add(ref map, Unsafe.Add(ref source1, cell));
            Unsafe.Add(ref value, cell) = (Unsafe.Add(ref weight0, cell) * v0) + (Unsafe.Add(ref weight1, cell) * v1);
        }
    }

    /// <summary>
    /// Some camera missing or invalid: per cell, the sources whose camera bit is set in <paramref name="validMask"/>. An
    /// empty slot's camera is <see cref="BevLookupTable.NoCamera"/> (bit 31, never set). An invalid camera's value is
    /// never read: its map may hold NaN, and 0·NaN is NaN.
    /// </summary>
    private int GatherMasked(ReadOnlySpan<float> maps, uint validMask, Span<float> values, Span<bool> known)
    {
        ReadOnlySpan<byte> camera0 = Table.Camera0;
        ReadOnlySpan<byte> camera1 = Table.Camera1;
        ReadOnlySpan<int> source0 = Table.Source0;
        ReadOnlySpan<int> source1 = Table.Source1;
        ReadOnlySpan<float> weight0 = Table.Weight0;
        ReadOnlySpan<float> weight1 = Table.Weight1;
        int knownCount = 0;
        for (int cell = 0; cell < values.Length; cell++)
        {
            bool valid0 = ((validMask >> camera0[cell]) & 1) != 0;
            bool valid1 = ((validMask >> camera1[cell]) & 1) != 0;
            if (valid0 && valid1)
            {
                values[cell] = (weight0[cell] * maps[source0[cell]]) + (weight1[cell] * maps[source1[cell]]);
            }
            else if (valid0 | valid1)
            {
                values[cell] = maps[valid0 ? source0[cell] : source1[cell]];
            }
            else
            {
                values[cell] = 0f;
            }

            bool any = valid0 | valid1;
            known[cell] = any;
            knownCount += any ? 1 : 0;
        }

        return knownCount;
    }

    /// <summary>Bit c set when camera c's frame was in the set and its head is valid (present in the model, all finite).</summary>
    private static uint ValidCameraMask(PerceptionFrameSet set, HeadKind head)
    {
        IReadOnlyList<CameraPerception> cameras = set.Cameras;
        uint mask = 0;
        for (int camera = 0; camera < cameras.Count; camera++)
        {
            CameraPerception perception = cameras[camera];
            if (perception.FramePresent && perception.IsValid(head))
            {
                mask |= 1u << camera;
            }
        }

        return mask;
    }

    private void CheckShapes(PerceptionFrameSet set, BevLayers layers)
    {
        if (set.Cameras.Count != Table.CameraCount || set.MapWidth != Table.MapWidth || set.MapHeight != Table.MapHeight)
        {
            ThrowShapeMismatch(set);
        }

        if (layers.CellCount != Table.CellCount)
        {
            ThrowLayersMismatch(layers);
        }
    }

    // Throws live out of line so the hot method stays small (the ThrowHelper habit).
    private void ThrowShapeMismatch(PerceptionFrameSet set) =>
        throw new ArgumentException(
            $"BEV fusion: the frame set has {set.Cameras.Count} cameras with {set.MapWidth}x{set.MapHeight} maps, but the lookup "
            + $"table was built for {Table.CameraCount} cameras with {Table.MapWidth}x{Table.MapHeight} maps: build the table from the same rig and model", nameof(set));

    private void ThrowMapsTooShort(HeadKind head, int length) =>
        throw new ArgumentException(
            $"BEV fusion: the {head} head holds {length} values, fewer than {Table.CameraCount} cameras x {Table.MapLength} map pixels, yet a camera marked it valid");

    private void ThrowLayersMismatch(BevLayers layers) =>
        throw new ArgumentException(
            $"BEV fusion: the layers hold {layers.CellCount} cells but the table's grid has {Table.CellCount}: create them with CreateLayers()", nameof(layers));
}

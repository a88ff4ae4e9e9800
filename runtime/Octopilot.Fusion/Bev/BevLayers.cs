namespace Octopilot.Fusion.Bev;

/// <summary>
/// The fused grid of one frame set: lane, drivable and (optional head) solid-line probabilities per cell, and per head a known layer saying which
/// cells had at least one valid camera in that set. Cells follow <see cref="BevGridOptions"/> numbering. Allocated once
/// (<see cref="BevFusion.CreateLayers"/>) and overwritten by every <see cref="BevFusion.Fuse"/>: the contents are valid
/// until the next Fuse into the same instance. An unknown cell holds 0, never NaN; read its known flag, not its value.
/// </summary>
public sealed class BevLayers
{
    private readonly float[] _lanes;
    private readonly float[] _drivable;
    private readonly bool[] _lanesKnown;
    private readonly bool[] _drivableKnown;
    private readonly float[] _solidLines;
    private readonly bool[] _solidLinesKnown;

    public BevLayers(BevGridOptions grid)
    {
        grid.Validate();
        Grid = grid;
        int cells = grid.CellCount;
        _lanes = new float[cells];
        _drivable = new float[cells];
        _lanesKnown = new bool[cells];
        _drivableKnown = new bool[cells];
        _solidLines = new float[cells];
        _solidLinesKnown = new bool[cells];
    }

    public BevGridOptions Grid { get; }

    public int CellCount => _lanes.Length;

    /// <summary>The frame set these layers were fused from (<c>PerceptionFrameSet.SetSequence</c>).</summary>
    public long SetSequence { get; internal set; }

    /// <summary>Lane-marking probability per cell, [0, 1]; 0 where <see cref="LanesKnown"/> is false.</summary>
    public ReadOnlySpan<float> Lanes => _lanes;

    /// <summary>Drivable-surface probability per cell, [0, 1]; 0 where <see cref="DrivableKnown"/> is false.</summary>
    public ReadOnlySpan<float> Drivable => _drivable;

    /// <summary>
    /// True where a valid lanes head covered the cell in this set; false where no camera sees it, or every camera that
    /// does was missing from the set or had an invalid (non-finite) head. The world model marks uncovered sectors from this.
    /// </summary>
    public ReadOnlySpan<bool> LanesKnown => _lanesKnown;

    /// <summary>As <see cref="LanesKnown"/>, for the drivable head (heads are validated separately).</summary>
    public ReadOnlySpan<bool> DrivableKnown => _drivableKnown;

    /// <summary>
    /// Solid lane-line probability per cell, [0, 1] (the model's optional solid_lines head; edge-line paint, dashed
    /// dividers read 0); 0 where <see cref="SolidLinesKnown"/> is false. All unknown when the model lacks the head.
    /// </summary>
    public ReadOnlySpan<float> SolidLines => _solidLines;

    /// <summary>As <see cref="LanesKnown"/>, for the solid-lines head: all false when no camera had a valid solid-lines head.</summary>
    public ReadOnlySpan<bool> SolidLinesKnown => _solidLinesKnown;

    public int LanesKnownCellCount { get; internal set; }

    public int DrivableKnownCellCount { get; internal set; }

    public int SolidLinesKnownCellCount { get; internal set; }

    /// <summary>Bit c set: camera c's lanes head was valid and fused in this set.</summary>
    public uint LanesCameraMask { get; internal set; }

    /// <summary>Bit c set: camera c's drivable head was valid and fused in this set.</summary>
    public uint DrivableCameraMask { get; internal set; }

    /// <summary>Bit c set: camera c's solid-lines head was valid and fused in this set; 0 when the model has no such head.</summary>
    public uint SolidLinesCameraMask { get; internal set; }

    internal Span<float> LanesForWrite => _lanes;

    internal Span<float> DrivableForWrite => _drivable;

    internal Span<bool> LanesKnownForWrite => _lanesKnown;

    internal Span<bool> DrivableKnownForWrite => _drivableKnown;

    internal Span<float> SolidLinesForWrite => _solidLines;

    internal Span<bool> SolidLinesKnownForWrite => _solidLinesKnown;
}

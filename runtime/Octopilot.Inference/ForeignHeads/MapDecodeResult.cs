namespace Octopilot.Inference.ForeignHeads;

/// <summary>What one map decode wrote besides plain values. All counts are of this decode only.</summary>
public readonly record struct MapDecodeResult
{
    /// <summary>
    /// Cells whose centre is off the frame or lands outside the model input (cropped away by a centre crop, or past the
    /// frame's edge when the grid overhangs it); written as 0. Fixed by the plan: the same for every decode.
    /// </summary>
    public int CellsOutsideInput { get; init; }

    /// <summary>
    /// Output pixels (among those the grid reads) whose value could not be used: non-finite for segmentation (probability
    /// taken as 0), non-finite or not giving a positive finite depth for depth. A segmentation head with any such pixel
    /// should be marked invalid for the set, as the contract decoder does for NaN/Inf.
    /// </summary>
    public int InvalidSourcePixels { get; init; }

    /// <summary>Depth only: cells inside the input written with <see cref="DepthDecoder.InvalidDepthM"/> because a tap they blend is invalid.</summary>
    public int InvalidCells { get; init; }
}

namespace Octopilot.Inference.ForeignHeads;

/// <summary>
/// One axis of a <see cref="MapResampler"/>: for each grid cell along the axis, the two output indices its bilinear
/// sample blends and the weight of the second. Cells inside the model input form one contiguous run
/// [<see cref="First"/>, <see cref="End"/>) because the frame-to-input map is increasing.
/// </summary>
internal sealed class ResampleAxis
{
    private ResampleAxis(int[] low, int[] high, float[] fraction, int first, int end, int[] needed)
    {
        Low = low;
        High = high;
        Fraction = fraction;
        First = first;
        End = end;
        Needed = needed;
    }

    /// <summary>Lower output index per cell.</summary>
    public int[] Low { get; }

    /// <summary>Upper output index per cell (equal to <see cref="Low"/> at the output's edges: edge values are held).</summary>
    public int[] High { get; }

    /// <summary>Weight of <see cref="High"/> per cell, in [0, 1).</summary>
    public float[] Fraction { get; }

    public int First { get; }

    public int End { get; }

    public int Inside => End - First;

    /// <summary>Every output index some inside cell reads, ascending.</summary>
    public int[] Needed { get; }

    /// <param name="cells">Cells along the axis.</param>
    /// <param name="cellPx">Frame pixels per cell.</param>
    /// <param name="framePx">Frame extent along the axis.</param>
    /// <param name="scale">Model-input pixels per frame pixel.</param>
    /// <param name="offset">Model-input coordinate of frame coordinate 0.</param>
    /// <param name="inputPx">Model-input extent along the axis.</param>
    /// <param name="outputPx">Model-output extent along the axis (the output covers the input uniformly).</param>
    public static ResampleAxis Build(int cells, double cellPx, int framePx, double scale, double offset, int inputPx, int outputPx)
    {
        var low = new int[cells];
        var high = new int[cells];
        var fraction = new float[cells];
        var used = new bool[outputPx];
        int first = cells, end = 0;
        double outputPerInput = outputPx / (double)inputPx;
        for (int i = 0; i < cells; i++)
        {
            double frame = (i + 0.5) * cellPx;
            double input = (frame * scale) + offset;
            bool inside = frame >= 0 && frame <= framePx && input >= 0 && input <= inputPx;
            if (!inside)
            {
                continue;
            }

            first = Math.Min(first, i);
            end = i + 1;

            // Output pixel k's centre is at input (k + 0.5)·inputPx/outputPx, so input x sits at output coordinate u.
            double u = (input * outputPerInput) - 0.5;
            int k = (int)Math.Floor(u);
            if (k < 0)
            {
                (low[i], high[i], fraction[i]) = (0, 0, 0f);
            }
            else if (k >= outputPx - 1)
            {
                (low[i], high[i], fraction[i]) = (outputPx - 1, outputPx - 1, 0f);
            }
            else
            {
                float f = (float)(u - k);
                (low[i], high[i], fraction[i]) = f >= 1f ? (k + 1, k + 1, 0f) : (k, k + 1, f);
            }

            used[low[i]] = true;
            used[high[i]] = true;
        }

        if (end == 0)
        {
            first = 0;
        }

        var needed = new List<int>();
        for (int k = 0; k < outputPx; k++)
        {
            if (used[k])
            {
                needed.Add(k);
            }
        }

        return new ResampleAxis(low, high, fraction, first, end, needed.ToArray());
    }
}

using Octopilot.Inference.ForeignHeads;

namespace Octopilot.Inference.Tests.ForeignHeads;

/// <summary>
/// Builds a synthetic YOLOv5 raw output the way the Detect layer does, independently of the decoder's loop: per level a
/// conv output [na·no, ny, nx] (channel a·no + k), which Detect.forward views as (na, no, ny, nx), permutes to
/// (na, ny, nx, no) and flattens to rows; levels concatenated in stride order. Boxes are planted in conv coordinates
/// (level, anchor, cell) by inverting YOLOv5's decode; every other row is background (objectness σ(−14) ≈ 8e-7).
/// </summary>
internal sealed class YoloOutputBuilder
{
    private readonly int _inputW, _inputH;
    private readonly int[] _strides;
    private readonly (float W, float H)[][] _anchors;
    private readonly float[][] _conv;
    private readonly bool _sigmoidApplied;

    public YoloOutputBuilder(int inputW, int inputH, int[] strides, (float W, float H)[][] anchors, int classes, bool sigmoidApplied)
    {
        (_inputW, _inputH, _strides, _anchors, Classes, _sigmoidApplied) = (inputW, inputH, strides, anchors, classes, sigmoidApplied);
        _conv = new float[strides.Length][];
        for (int l = 0; l < strides.Length; l++)
        {
            int cells = (inputW / strides[l]) * (inputH / strides[l]);
            _conv[l] = new float[anchors[l].Length * Columns * cells];
            for (int a = 0; a < anchors[l].Length; a++)
            {
                for (int k = 0; k < Columns; k++)
                {
                    // Background: objectness logit −14 (σ ≈ 8e-7), class logits 0, box logits 0.
                    Array.Fill(_conv[l], Encode(k == 4 ? ForeignHeadFixtures.Sigmoid(-14) : 0.5), ((a * Columns) + k) * cells, cells);
                }
            }
        }
    }

    public int Classes { get; }

    public int Columns => 5 + Classes;

    /// <summary>
    /// Plants a box with centre (cx, cy) and size (w, h) in model-input pixels at (level, anchor, cell): the cell must
    /// hold the centre's decodable range and w/anchor, h/anchor must be in (0, 4).
    /// </summary>
    public void Plant(int level, int anchor, int cellX, int cellY, double cx, double cy, double w, double h, double objectness, int classIndex, double classScore)
    {
        int stride = _strides[level];
        double sx = ((cx / stride) - cellX + 0.5) / 2, sy = ((cy / stride) - cellY + 0.5) / 2;
        double sw = Math.Sqrt(w / _anchors[level][anchor].W) / 2, sh = Math.Sqrt(h / _anchors[level][anchor].H) / 2;
        foreach (double s in new[] { sx, sy, sw, sh })
        {
            Assert.True(s > 0.01 && s < 0.99, $"box ({cx}, {cy}, {w}, {h}) is not decodable at level {level} anchor {anchor} cell ({cellX}, {cellY}): σ = {s}");
        }

        double[] values = new double[Columns];
        (values[0], values[1], values[2], values[3], values[4]) = (sx, sy, sw, sh, objectness);
        for (int c = 0; c < Classes; c++)
        {
            values[5 + c] = c == classIndex ? classScore : 0.02;
        }

        int nx = _inputW / stride, cells = nx * (_inputH / stride);
        for (int k = 0; k < Columns; k++)
        {
            _conv[level][(((anchor * Columns) + k) * cells) + (cellY * nx) + cellX] = Encode(values[k]);
        }
    }

    /// <summary>Sets conv channel k of (level, anchor, cell) to a raw value (for non-finite rows).</summary>
    public void SetRaw(int level, int anchor, int cellX, int cellY, int k, float value)
    {
        int nx = _inputW / _strides[level], cells = nx * (_inputH / _strides[level]);
        _conv[level][(((anchor * Columns) + k) * cells) + (cellY * nx) + cellX] = value;
    }

    /// <summary>
    /// The flattened [R, 5 + classes] output, literally as Detect.forward does it per level (batch axis left out):
    /// <c>x.view(na, no, ny, nx).permute(0, 2, 3, 1).contiguous().view(-1, no)</c>, then <c>torch.cat</c> over levels.
    /// </summary>
    public float[] Build()
    {
        var rows = new List<float>();
        for (int l = 0; l < _strides.Length; l++)
        {
            int nx = _inputW / _strides[l], ny = _inputH / _strides[l];
            rows.AddRange(Permute(_conv[l], [_anchors[l].Length, Columns, ny, nx], [0, 2, 3, 1]));
        }

        return rows.ToArray();
    }

    /// <summary>A contiguous copy of a row-major tensor with its axes reordered: result axis i is source axis perm[i] (torch.permute).</summary>
    private static float[] Permute(float[] source, int[] shape, int[] perm)
    {
        var sourceStrides = new int[shape.Length];
        for (int i = shape.Length - 1, stride = 1; i >= 0; stride *= shape[i], i--)
        {
            sourceStrides[i] = stride;
        }

        int[] outShape = perm.Select(p => shape[p]).ToArray();
        var result = new float[source.Length];
        var index = new int[shape.Length];
        for (int flat = 0; flat < result.Length; flat++)
        {
            int offset = 0;
            for (int i = 0; i < index.Length; i++)
            {
                offset += index[i] * sourceStrides[perm[i]];
            }

            result[flat] = source[offset];
            for (int i = index.Length - 1; i >= 0 && ++index[i] == outShape[i]; i--)
            {
                index[i] = 0;
            }
        }

        return result;
    }

    private float Encode(double probability) => (float)(_sigmoidApplied ? probability : ForeignHeadFixtures.Logit(probability));
}

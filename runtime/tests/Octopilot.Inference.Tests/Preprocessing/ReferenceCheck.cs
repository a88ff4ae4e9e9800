using System.Globalization;
using Octopilot.Inference.Manifest;
using Octopilot.Inference.Preprocessing;

namespace Octopilot.Inference.Tests.Preprocessing;

/// <summary>
/// Runs a preprocessor into the middle image of a 3-image tensor filled with a sentinel, then checks that images 0 and 2
/// are untouched and that image 1 matches <see cref="ReferencePreprocessor"/> within the element type's tolerance:
/// <list type="bullet">
/// <item>float32: |actual − expected| ≤ 1e-4.</item>
/// <item>float16: ≤ |expected|·2⁻¹¹ (half an ulp of half precision) + 1e-4.</item>
/// <item>uint8: exact (round half up), except where the double reference lies within 1e-3 of a .5 tie, where float32
/// arithmetic may round the other way: there ±1.</item>
/// </list>
/// </summary>
internal static class ReferenceCheck
{
    public const int BatchSize = 3;
    public const int BatchIndex = 1;
    public const double Float32Tolerance = 1e-4;

    private const float FloatSentinel = -12345.5f;
    private const byte ByteSentinel = 0xA5;

    /// <summary>Largest |actual − expected| seen (for uint8: in levels).</summary>
    public static double Run(byte[] frame, int frameWidthPx, int frameHeightPx, int inputWidthPx, int inputHeightPx, ManifestInput input)
    {
        var pre = new FramePreprocessor(input, frameWidthPx, frameHeightPx, inputWidthPx, inputHeightPx, BatchSize);
        double[,,] expected = ReferencePreprocessor.Run(frame, frameWidthPx, frameHeightPx, inputWidthPx, inputHeightPx, input);
        switch (input.ElementType)
        {
            case InputElementType.Float32:
            {
                var tensor = new float[pre.TensorElements];
                Array.Fill(tensor, FloatSentinel);
                pre.Write(frame, tensor, BatchIndex);
                return Compare(input, inputWidthPx, inputHeightPx, expected, i => tensor[i], i => tensor[i] == FloatSentinel, _ => Float32Tolerance);
            }

            case InputElementType.Float16:
            {
                var tensor = new Half[pre.TensorElements];
                Array.Fill(tensor, (Half)FloatSentinel);
                pre.Write(frame, tensor, BatchIndex);
                return Compare(input, inputWidthPx, inputHeightPx, expected, i => (double)tensor[i], i => tensor[i] == (Half)FloatSentinel,
                    e => (Math.Abs(e) * Math.Pow(2, -11)) + Float32Tolerance);
            }

            default:
            {
                var tensor = new byte[pre.TensorElements];
                Array.Fill(tensor, ByteSentinel);
                pre.Write(frame, tensor, BatchIndex);
                return Compare(input, inputWidthPx, inputHeightPx, expected, i => tensor[i], i => tensor[i] == ByteSentinel, UInt8Tolerance, round: true);
            }
        }
    }

    public static string Describe(ManifestInput input) => string.Create(CultureInfo.InvariantCulture,
        $"{input.Layout} {input.ElementType} {input.ColourOrder} {input.Fit} fill {input.FillValue}, (x − [{string.Join(", ", input.Scaling.Offset)}]) / [{string.Join(", ", input.Scaling.Divisor)}]");

    private static double UInt8Tolerance(double expected)
    {
        double fraction = expected - Math.Floor(expected);
        return Math.Abs(fraction - 0.5) < 1e-3 ? 1 : 0;
    }

    private static double Compare(
        ManifestInput input, int widthPx, int heightPx, double[,,] expected, Func<int, double> actualAt, Func<int, bool> untouchedAt,
        Func<double, double> tolerance, bool round = false)
    {
        for (int image = 0; image < BatchSize; image += 2)
        {
            for (int i = 0; i < 3 * widthPx * heightPx; i++)
            {
                int index = (image * 3 * widthPx * heightPx) + i;
                Assert.True(untouchedAt(index), $"image {image} (not the one written) was changed at element {index}");
            }
        }

        double maxError = 0;
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < heightPx; y++)
            {
                for (int x = 0; x < widthPx; x++)
                {
                    double want = round ? Math.Floor(expected[c, y, x] + 0.5) : expected[c, y, x];
                    double got = actualAt(ReferencePreprocessor.IndexOf(input.Layout, widthPx, heightPx, BatchIndex, c, y, x));
                    double error = Math.Abs(got - want);
                    maxError = Math.Max(maxError, error);
                    if (error > tolerance(expected[c, y, x]))
                    {
                        Assert.Fail(string.Create(CultureInfo.InvariantCulture,
                            $"{Describe(input)}: model channel {c} at (x {x}, y {y}): expected {expected[c, y, x]:R}, got {got:R} (error {error:G3})"));
                    }
                }
            }
        }

        return maxError;
    }
}

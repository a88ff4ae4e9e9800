using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Octopilot.Inference.ForeignHeads;

/// <summary>Every throw of the foreign-head decoders, out of line, with the broken rule and the actual values in the message.</summary>
internal static class ForeignHeadThrowHelper
{
    /// <summary>A plan input that breaks a rule: <paramref name="what"/> names the value, <paramref name="rule"/> states the rule.</summary>
    [DoesNotReturn]
    public static void ThrowPlan(string paramName, string what, string rule) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{what}: {rule}"), paramName);

    [DoesNotReturn]
    public static void ThrowSpanLength(string paramName, string decoder, int actual, int expected, string meaning) =>
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture,
                $"{decoder}: {paramName} holds {actual} values but the plan needs exactly {expected} ({meaning}); pass the slice of one image"),
            paramName);

    [DoesNotReturn]
    public static void ThrowForeignResampler(string paramName, string decoder, int resamplerWidth, int resamplerHeight, int width, int height) =>
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture,
                $"{decoder}: the resampler reads a {resamplerWidth}x{resamplerHeight} output but this decoder's output is {width}x{height}; create it with this decoder's CreateResampler"),
            paramName);

    public static string Dims(ReadOnlySpan<int> dims)
    {
        var text = new System.Text.StringBuilder("[");
        for (int i = 0; i < dims.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(dims[i].ToString(CultureInfo.InvariantCulture));
        }

        return text.Append(']').ToString();
    }

    public static string Format(FormattableString text) => string.Create(CultureInfo.InvariantCulture, $"{text}");
}

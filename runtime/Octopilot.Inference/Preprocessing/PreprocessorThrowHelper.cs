using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Octopilot.Inference.Preprocessing;

/// <summary>Every throw of the preprocessing path, out of line, with the broken rule and the actual values in the message.</summary>
internal static class PreprocessorThrowHelper
{
    public static void ThrowIfBelow(int value, int min, string name, string rule)
    {
        if (value < min)
        {
            ThrowOutOfRange(name, value, rule);
        }
    }

    [DoesNotReturn]
    public static void ThrowOutOfRange<T>(string name, T value, string rule) =>
        throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} = {value}: {rule}"));

    [DoesNotReturn]
    public static void ThrowUnknown<T>(string name, T value)
        where T : struct, Enum =>
        throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture,
            $"{name} = {value}: not a {typeof(T).Name} this preprocessor knows ({string.Join(", ", Enum.GetNames<T>())})"));

    [DoesNotReturn]
    public static void ThrowArgument(string name, string message) => throw new ArgumentException(message, name);

    [DoesNotReturn]
    public static void ThrowWrongElementType(string expected, string given, string paramName) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"this preprocessor writes {expected} tensors (the manifest's input element type) but was given a Span<{given}>: call the Span<{expected}> overload of Write"),
            paramName);

    [DoesNotReturn]
    public static void ThrowFrameLength(int length, int widthPx, int heightPx, string paramName) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"the frame holds {length} bytes but a {widthPx}x{heightPx} RGB frame is {(long)widthPx * heightPx * 3} bytes (rows of width·3, no padding): pass exactly one camera's slot of the slab"),
            paramName);

    [DoesNotReturn]
    public static void ThrowTensorLength(int length, int required, int batchSize, int elementsPerImage, string paramName) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"the tensor holds {length} elements but {batchSize} images of {elementsPerImage} elements need {required}: pass the whole model input buffer"),
            paramName);

    [DoesNotReturn]
    public static void ThrowBatchIndex(int batchIndex, int batchSize, string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, batchIndex, string.Create(CultureInfo.InvariantCulture,
            $"batchIndex = {batchIndex}: the tensor holds {batchSize} images, so the index must be 0..{batchSize - 1}"));
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Octopilot.DriveLog.Recording;

/// <summary>Every throw of the recorder, out of line, with the broken rule and the actual value in the message.</summary>
internal static class RecorderThrowHelper
{
    [DoesNotReturn]
    public static void ThrowOption<T>(string name, T value, string rule) =>
        throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"RecorderOptions.{name} = {value}: {rule}"));

    [DoesNotReturn]
    public static void ThrowCapacity(string name, int value, string rule) =>
        throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} = {value}: {rule}"));

    [DoesNotReturn]
    public static void ThrowPayloadTooLarge(string producer, int payloadBytes, int maxBytes, string paramName) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"producer '{producer}': a payload of {payloadBytes} bytes is over its limit of {maxBytes} bytes (a quarter of the ring); create the producer with a larger capacity"),
            paramName);

    [DoesNotReturn]
    public static void ThrowTooManyProducers(int max) =>
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"the recorder already has {max} producers (RecorderOptions.MaxProducers); raise it or share a producer per thread"));

    [DoesNotReturn]
    public static void ThrowDriveFolderHoldsSegments(string folder, string firstSegment) =>
        throw new IOException($"drive folder {folder} already holds segments ({Path.GetFileName(firstSegment)}): a drive folder is written once; choose a new folder");

    [DoesNotReturn]
    public static void ThrowStopOnRecorderThread() =>
        throw new InvalidOperationException("DriveRecorder.Stop was called on the recorder thread (from a notice callback): it would wait for itself");
}

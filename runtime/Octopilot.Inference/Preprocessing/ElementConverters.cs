using System.Runtime.CompilerServices;

namespace Octopilot.Inference.Preprocessing;

/// <summary>
/// How a float32 value becomes a tensor element. Static and on structs so the JIT compiles one specialised loop per element
/// type (no virtual call per pixel).
/// </summary>
internal interface IElementConverter<T>
    where T : unmanaged
{
    static abstract T FromSingle(float value);
}

internal readonly struct SingleConverter : IElementConverter<float>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float FromSingle(float value) => value;
}

internal readonly struct HalfConverter : IElementConverter<Half>
{
    /// <summary>Round to nearest even half (IEEE); values beyond ±65504 become ±∞, as any float16 model input would.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Half FromSingle(float value) => (Half)value;
}

internal readonly struct ByteConverter : IElementConverter<byte>
{
    /// <summary>
    /// Round half up. uint8 inputs have identity scaling, so a value is a blend of frame bytes, within [0, 255]; the
    /// conversion saturates anyway.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte FromSingle(float value) => (byte)(value + 0.5f);
}

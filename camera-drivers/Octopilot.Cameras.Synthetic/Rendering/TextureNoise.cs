namespace Octopilot.Cameras.Synthetic;

/// <summary>Deterministic value noise from an integer cell and a seed (integer hash: identical on every machine).</summary>
internal static class TextureNoise
{
    /// <summary>A value in −amplitude..+amplitude, uniform over cells.</summary>
    public static int Sample(int cellX, int cellY, uint seed, int amplitude)
    {
        uint h = unchecked(((uint)cellX * 0x8DA6B343u) ^ ((uint)cellY * 0xD8163841u) ^ (seed * 0xCB1AB31Fu));
        h ^= h >> 15;
        h = unchecked(h * 0x2C1B3C6Du);
        h ^= h >> 12;
        h = unchecked(h * 0x297A2D39u);
        h ^= h >> 15;
        uint span = (uint)((2 * amplitude) + 1);
        return (int)(((h >> 16) * span) >> 16) - amplitude;
    }
}

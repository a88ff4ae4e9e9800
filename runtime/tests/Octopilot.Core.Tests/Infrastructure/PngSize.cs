using System.Buffers.Binary;

namespace Octopilot.Core.Tests.Infrastructure;

/// <summary>Image size from a PNG header (IHDR is always the first chunk: width and height big-endian at bytes 16..23).</summary>
internal static class PngSize
{
    public static (int WidthPx, int HeightPx) Read(string path)
    {
        byte[] header = new byte[24];
        using FileStream stream = File.OpenRead(path);
        stream.ReadExactly(header);
        return (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }
}

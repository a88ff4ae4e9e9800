using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Octopilot.Host.Dataset;

/// <summary>
/// Reads the 2-D float32 <c>.npy</c> files that <see cref="NpyWriter"/> writes (format 1.0 or 2.0, little-endian
/// <c>&lt;f4</c>, C order). Anything else (another dtype, Fortran order, another rank or size, a short file) is refused
/// with a <see cref="DatasetFormatException"/> naming the file and what it holds. Allocates the result.
/// </summary>
internal static partial class NpyReader
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>The values, row-major, of a float32 array that must be <paramref name="heightPx"/> × <paramref name="widthPx"/>.</summary>
    public static float[] ReadFloat32(string path, int heightPx, int widthPx)
    {
        byte[] bytes = ReadAll(path);
        int dataOffset = CheckFloat32(path, bytes, bytes.Length, heightPx, widthPx);
        var values = new float[heightPx * widthPx];
        ReadOnlySpan<byte> data = bytes.AsSpan(dataOffset);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(i * sizeof(float))..]);
        }

        return values;
    }

    /// <summary>Checks the header and the file's length only (reads the first bytes): what a dataset's open does.</summary>
    public static void CheckFloat32Header(string path, int heightPx, int widthPx)
    {
        if (!File.Exists(path))
        {
            throw new DatasetFormatException(path, "missing");
        }

        using FileStream stream = File.OpenRead(path);
        var prefix = new byte[(int)Math.Min(stream.Length, MaxHeaderBytes)];
        stream.ReadExactly(prefix);
        CheckFloat32(path, prefix, stream.Length, heightPx, widthPx);
    }

    /// <summary>Prefix (12) plus the largest header a v1 file can have (its length is a uint16); v2 headers longer than this are refused.</summary>
    private const int MaxHeaderBytes = 12 + ushort.MaxValue;

    /// <summary>The offset of the first data byte, after checking dtype, order, shape and that the data fill the file exactly.</summary>
    private static int CheckFloat32(string path, byte[] prefix, long fileLength, int heightPx, int widthPx)
    {
        (int dataOffset, string dict) = ReadHeader(path, prefix);
        string descr = Field(path, dict, DescrPattern(), "descr");
        string fortran = Field(path, dict, FortranPattern(), "fortran_order");
        string shapeText = Field(path, dict, ShapePattern(), "shape");
        int[] shape = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : -1).ToArray();
        string shown = "[" + string.Join(",", shape) + "]";
        if (descr != "<f4" || fortran != "False" || shape.Length != 2 || shape[0] != heightPx || shape[1] != widthPx)
        {
            throw new DatasetFormatException(
                path, $"must be float32 [{heightPx},{widthPx}] in C order, got dtype '{descr}' shape {shown} fortran_order {fortran}");
        }

        long need = (long)heightPx * widthPx * sizeof(float);
        if (fileLength - dataOffset != need)
        {
            throw new DatasetFormatException(path, $"holds {fileLength - dataOffset} data bytes; float32 {shown} needs {need}");
        }

        return dataOffset;
    }

    private static byte[] ReadAll(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetFormatException(path, "missing");
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>(offset of the first data byte, the header dict text).</summary>
    private static (int DataOffset, string Dict) ReadHeader(string path, byte[] bytes)
    {
        const int PrefixV1 = 10, PrefixV2 = 12;
        if (bytes.Length < PrefixV1 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new DatasetFormatException(path, "not a .npy file (no \\x93NUMPY magic)");
        }

        byte major = bytes[6];
        int prefix = major == 1 ? PrefixV1 : PrefixV2;
        if (major is not (1 or 2) || bytes.Length < prefix)
        {
            throw new DatasetFormatException(path, $"not a .npy file this reader knows (format version {major}; 1 and 2 are read)");
        }

        int headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)) : (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        if (headerLength < 0 || prefix + headerLength > bytes.Length)
        {
            throw new DatasetFormatException(path, $"header of {headerLength} bytes runs past the end of the file ({bytes.Length} bytes)");
        }

        return (prefix + headerLength, Encoding.ASCII.GetString(bytes, prefix, headerLength));
    }

    private static string Field(string path, string dict, Regex pattern, string name)
    {
        Match match = pattern.Match(dict);
        return match.Success
            ? match.Groups[1].Value.Trim()
            : throw new DatasetFormatException(path, $"the .npy header has no '{name}': {dict.Trim()}");
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}

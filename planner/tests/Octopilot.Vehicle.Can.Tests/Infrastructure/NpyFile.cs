using System.Buffers.Binary;
using System.Text;

namespace Octopilot.Vehicle.Can.Tests.Infrastructure;

/// <summary>
/// Reads the comma2k19 processed arrays: numpy .npy v1.0, little-endian float64 ('&lt;f8'), C order, no pickles.
/// Anything else is refused with the header it found.
/// </summary>
internal static class NpyFile
{
    /// <summary>The values in file order and the shape's last dimension (1 for a vector).</summary>
    public static (double[] Values, int Columns) ReadFloat64(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || bytes[0] != 0x93 || Encoding.ASCII.GetString(bytes, 1, 5) != "NUMPY" || bytes[6] != 1)
        {
            throw new InvalidDataException($"{path}: not a numpy v1.0 file");
        }

        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        string header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        if (!header.Contains("'descr': '<f8'", StringComparison.Ordinal) || !header.Contains("'fortran_order': False", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: expected little-endian float64 in C order, header {header}");
        }

        string shape = header[(header.IndexOf('(', StringComparison.Ordinal) + 1)..header.IndexOf(')', StringComparison.Ordinal)];
        int[] dims = shape.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToArray();
        ReadOnlySpan<byte> data = bytes.AsSpan(10 + headerLength);
        var values = new double[data.Length / 8];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadDoubleLittleEndian(data[(i * 8)..]);
        }

        return (values, dims.Length > 1 ? dims[^1] : 1);
    }
}

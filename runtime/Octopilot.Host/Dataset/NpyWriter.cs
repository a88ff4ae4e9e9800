using System.Buffers.Binary;
using System.Text;

namespace Octopilot.Host.Dataset;

/// <summary>
/// Writes a 2-D float32 array as a NumPy <c>.npy</c> file, format version 1.0: the magic <c>\x93NUMPY</c>, version bytes
/// 1 0, a little-endian uint16 header length, an ASCII header dict (<c>{'descr': '&lt;f4', 'fortran_order': False,
/// 'shape': (H, W), }</c>) padded with spaces and ended by a newline so the data starts on a 64-byte boundary, then the
/// values row-major, little-endian. <c>numpy.load</c> reads it as shape (H, W), dtype float32.
/// </summary>
internal static class NpyWriter
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];

    /// <summary>Bytes before the data start: magic, version and header length (10) plus the padded header.</summary>
    public const int Alignment = 64;

    public static void WriteFloat32(string path, ReadOnlySpan<float> values, int heightPx, int widthPx)
    {
        if (values.Length != heightPx * widthPx)
        {
            throw new ArgumentException($"values must be exactly {heightPx}x{widthPx} = {heightPx * widthPx} floats; got {values.Length}", nameof(values));
        }

        byte[] header = Header(heightPx, widthPx);
        var bytes = new byte[header.Length + (values.Length * sizeof(float))];
        header.CopyTo(bytes, 0);
        Span<byte> data = bytes.AsSpan(header.Length);
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data[(i * sizeof(float))..], values[i]);
        }

        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Magic, version, header length and the padded header dict: a multiple of <see cref="Alignment"/> bytes.</summary>
    public static byte[] Header(int rows, int columns)
    {
        string dict = FormattableString.Invariant($"{{'descr': '<f4', 'fortran_order': False, 'shape': ({rows}, {columns}), }}");
        int unpadded = Magic.Length + sizeof(ushort) + dict.Length + 1;
        int padded = (unpadded + Alignment - 1) / Alignment * Alignment;
        string text = dict + new string(' ', padded - unpadded) + "\n";
        var header = new byte[padded];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(Magic.Length), (ushort)text.Length);
        Encoding.ASCII.GetBytes(text, header.AsSpan(Magic.Length + sizeof(ushort)));
        return header;
    }
}

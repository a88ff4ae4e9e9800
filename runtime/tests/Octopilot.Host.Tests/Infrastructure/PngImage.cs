using System.Buffers.Binary;
using System.IO.Compression;

namespace Octopilot.Host.Tests.Infrastructure;

/// <summary>
/// A minimal PNG reader for tests: checks the signature and every chunk CRC, reads IHDR, inflates the IDAT
/// stream and undoes the row filters of 8-bit RGB images. Independent of the encoder under test.
/// </summary>
internal sealed class PngImage
{
    public static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int widthPx, int heightPx, byte bitDepth, byte colorType, byte[] rgb24)
    {
        WidthPx = widthPx;
        HeightPx = heightPx;
        BitDepth = bitDepth;
        ColorType = colorType;
        Rgb24 = rgb24;
    }

    public int WidthPx { get; }

    public int HeightPx { get; }

    public byte BitDepth { get; }

    /// <summary>2 = truecolour RGB.</summary>
    public byte ColorType { get; }

    public byte[] Rgb24 { get; }

    public (byte R, byte G, byte B) Pixel(int x, int y)
    {
        int offset = ((y * WidthPx) + x) * 3;
        return (Rgb24[offset], Rgb24[offset + 1], Rgb24[offset + 2]);
    }

    public static PngImage Decode(byte[] png)
    {
        Assert.True(png.AsSpan().StartsWith(Signature), "PNG signature missing");
        int offset = Signature.Length;
        byte[]? header = null;
        using var idat = new MemoryStream();
        bool sawEnd = false;
        while (offset < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            ReadOnlySpan<byte> typeAndData = png.AsSpan(offset + 4, 4 + length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.True(Crc32(typeAndData) == crc, $"bad CRC on chunk {type}");
            ReadOnlySpan<byte> data = typeAndData[4..];
            if (type == "IHDR")
            {
                header = data.ToArray();
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            else if (type == "IEND")
            {
                sawEnd = true;
            }

            offset += 12 + length;
        }

        Assert.True(sawEnd, "no IEND chunk");
        Assert.NotNull(header);
        int width = BinaryPrimitives.ReadInt32BigEndian(header);
        int height = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        byte bitDepth = header[8], colorType = header[9];
        Assert.True(bitDepth == 8 && colorType == 2 && header[12] == 0, $"test decoder reads 8-bit RGB, non-interlaced only (got depth {bitDepth}, colour type {colorType})");

        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        return new PngImage(width, height, bitDepth, colorType, Unfilter(raw.ToArray(), width, height));
    }

    private static byte[] Unfilter(byte[] raw, int width, int height)
    {
        const int Bpp = 3;
        int stride = width * Bpp;
        Assert.Equal(height * (stride + 1), raw.Length);
        var pixels = new byte[height * stride];
        for (int y = 0; y < height; y++)
        {
            byte filter = raw[y * (stride + 1)];
            for (int i = 0; i < stride; i++)
            {
                int x = raw[(y * (stride + 1)) + 1 + i];
                int a = i >= Bpp ? pixels[(y * stride) + i - Bpp] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + i] : 0;
                int c = i >= Bpp && y > 0 ? pixels[((y - 1) * stride) + i - Bpp] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"row {y}: unknown PNG filter {filter}"),
                };
                pixels[(y * stride) + i] = (byte)(x + predictor);
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte value in bytes)
        {
            crc ^= value;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}

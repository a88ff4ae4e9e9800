using System.Buffers.Binary;
using Octopilot.Host.Snapshots;
using Octopilot.Host.Tests.Infrastructure;

namespace Octopilot.Host.Tests.Snapshots;

public sealed class MosaicPngWriterPngFormatTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("octopilot-snapshot-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void WritePng_EightTiles_HasSignatureAndIhdrWithMosaicSize()
    {
        var layout = new MosaicLayout(8, 64, 48);
        var writer = new MosaicPngWriter(layout, RigNames.Default8);
        using var stream = new MemoryStream();

        writer.WritePng(stream);

        byte[] png = stream.ToArray();
        Assert.Equal(PngImage.Signature, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(layout.WidthPx, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(layout.HeightPx, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public void WritePng_Decoded_EqualsComposedPixels()
    {
        var layout = new MosaicLayout(3, 40, 30);
        var writer = new MosaicPngWriter(layout, ["a", "b", "c"]);
        writer.SetTile(1, Tiles.Coded(1, 40, 30));
        using var stream = new MemoryStream();

        writer.WritePng(stream);

        PngImage image = PngImage.Decode(stream.ToArray());
        Assert.Equal((layout.WidthPx, layout.HeightPx), (image.WidthPx, image.HeightPx));
        Assert.Equal(writer.Rgb24.ToArray(), image.Rgb24);
    }

    [Fact]
    public void WritePng_ToPath_WritesDecodablePngAndNoTemporaryFile()
    {
        var layout = new MosaicLayout(8, 32, 24);
        var writer = new MosaicPngWriter(layout, RigNames.Default8);
        string path = Path.Combine(_directory, "cameras.png");

        writer.WritePng(path);
        writer.WritePng(path); // overwrites the previous snapshot

        PngImage image = PngImage.Decode(File.ReadAllBytes(path));
        Assert.Equal(layout.WidthPx, image.WidthPx);
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public void WritePng_Stream_LeavesStreamOpen()
    {
        var writer = new MosaicPngWriter(new MosaicLayout(1, 8, 8), ["x"]);
        using var stream = new MemoryStream();

        writer.WritePng(stream);

        Assert.True(stream.CanWrite);
        Assert.True(stream.Length > PngImage.Signature.Length);
    }
}

using System.Text;
using Octopilot.Host.Dataset;
using Octopilot.Host.Tests.Infrastructure;

namespace Octopilot.Host.Tests.Evaluation;

public sealed class NpyReaderTests
{
    [Fact]
    public void ReadFloat32_FileFromNpyWriter_ReadsTheValuesBack()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "d.npy");
        float[] values = [0f, 1.5f, -2f, 80.25f, float.MaxValue, 1e-7f];
        NpyWriter.WriteFloat32(path, values, 2, 3);

        float[] read = NpyReader.ReadFloat32(path, 2, 3);

        Assert.Equal(values, read);
        NpyReader.CheckFloat32Header(path, 2, 3);
    }

    [Fact]
    public void ReadFloat32_Float64File_RefusedNamingFileAndDtype()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "f8.npy");
        File.WriteAllBytes(path, Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", 2 * 3 * 8));

        DatasetFormatException e = Assert.Throws<DatasetFormatException>(() => NpyReader.ReadFloat32(path, 2, 3));

        Assert.Equal(path, e.FilePath);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("<f8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFloat32_WrongShape_RefusedNamingBothShapes()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "d.npy");
        NpyWriter.WriteFloat32(path, new float[6], 3, 2);

        DatasetFormatException e = Assert.Throws<DatasetFormatException>(() => NpyReader.CheckFloat32Header(path, 2, 3));

        Assert.Contains("[2,3]", e.Message, StringComparison.Ordinal);
        Assert.Contains("[3,2]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFloat32_TruncatedData_Refused()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "d.npy");
        NpyWriter.WriteFloat32(path, new float[6], 2, 3);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^4]);

        DatasetFormatException e = Assert.Throws<DatasetFormatException>(() => NpyReader.ReadFloat32(path, 2, 3));

        Assert.Contains("data bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFloat32_NotNpy_Refused()
    {
        using var folder = new TempFolder();
        string path = folder.Write("d.npy", "hello, not numpy");

        DatasetFormatException e = Assert.Throws<DatasetFormatException>(() => NpyReader.ReadFloat32(path, 2, 3));

        Assert.Contains("magic", e.Message, StringComparison.Ordinal);
    }

    private static byte[] Npy(string dict, int dataBytes)
    {
        byte[] header = Encoding.ASCII.GetBytes(dict.PadRight(64 - 10 - 1) + "\n");
        var bytes = new byte[10 + header.Length + dataBytes];
        byte[] magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];
        magic.CopyTo(bytes, 0);
        bytes[8] = (byte)header.Length;
        header.CopyTo(bytes, 10);
        return bytes;
    }
}

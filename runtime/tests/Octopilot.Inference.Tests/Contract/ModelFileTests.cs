using Octopilot.Inference.Contract;
using Octopilot.Inference.Tests.Infrastructure;

namespace Octopilot.Inference.Tests.Contract;

/// <summary>Every way a model file can be unreadable becomes a <see cref="ModelLoadException"/> naming the file.</summary>
public sealed class ModelFileTests
{
    [Fact]
    public void OpenForInspection_CorruptBytes_ThrowsNamingFileAndOrtReason()
    {
        using var temp = new TempFolder();
        string path = temp.Write("garbage.onnx", [0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0xFF, 0x13, 0x37, 0x42]);

        var e = Assert.Throws<ModelLoadException>(() => ModelFile.OpenForInspection(path));

        Assert.StartsWith($"{path}: cannot be loaded as an ONNX model: ", e.Message, StringComparison.Ordinal);
        Assert.Equal(path, e.ModelPath);
        Assert.IsType<Microsoft.ML.OnnxRuntime.OnnxRuntimeException>(e.InnerException);
        Assert.Contains(e.InnerException.Message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenForInspection_TruncatedValidModel_ThrowsNamingFile()
    {
        using var temp = new TempFolder();
        byte[] valid = File.ReadAllBytes(ModelFixtures.Path("valid.onnx"));
        string path = temp.Write("truncated.onnx", valid[..(valid.Length / 2)]);

        var e = Assert.Throws<ModelLoadException>(() => ModelContractValidator.CheckFile(path));

        Assert.StartsWith($"{path}: cannot be loaded as an ONNX model: ONNX Runtime refused it", e.Message, StringComparison.Ordinal);
        Assert.IsType<Microsoft.ML.OnnxRuntime.OnnxRuntimeException>(e.InnerException);
    }

    [Fact]
    public void OpenForInspection_TextFile_ThrowsNamingFile()
    {
        using var temp = new TempFolder();
        string path = temp.Write("readme.onnx", System.Text.Encoding.UTF8.GetBytes("this is not a model\n"));

        var e = Assert.Throws<ModelLoadException>(() => ModelFile.OpenForInspection(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenForInspection_EmptyFile_ThrowsNamingFile()
    {
        using var temp = new TempFolder();
        string path = temp.Write("empty.onnx", []);

        var e = Assert.Throws<ModelLoadException>(() => ModelFile.OpenForInspection(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenForInspection_MissingFile_SaysNoSuchFile()
    {
        using var temp = new TempFolder();
        string path = Path.Combine(temp.Path, "absent.onnx");

        var e = Assert.Throws<ModelLoadException>(() => ModelFile.OpenForInspection(path));

        Assert.Equal($"{path}: cannot be loaded as an ONNX model: no such file ({path})", e.Message);
    }

    [Fact]
    public void OpenForInspection_Directory_SaysItIsADirectory()
    {
        using var temp = new TempFolder();

        var e = Assert.Throws<ModelLoadException>(() => ModelFile.OpenForInspection(temp.Path));

        Assert.Contains("is a directory", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenForInspection_ValidModel_OpensSession()
    {
        using var session = ModelFile.OpenForInspection(ModelFixtures.Path("valid.onnx"));

        Assert.Equal(["images"], session.InputNames);
    }
}

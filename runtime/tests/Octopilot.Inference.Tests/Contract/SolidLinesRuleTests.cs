using Microsoft.ML.OnnxRuntime.Tensors;
using Octopilot.Inference.Contract;
using Ids = Octopilot.Inference.Contract.ContractRuleIds;

namespace Octopilot.Inference.Tests.Contract;

/// <summary>The optional solid_lines head of contract v1: accepted when present and right, not required, refused when wrong.</summary>
public sealed class SolidLinesRuleTests
{
    private const int N = TensorSignature.SymbolicDim;
    private const string FourHeads = "lanes,drivable,depth,objects";
    private const string FiveHeads = "lanes,drivable,depth,objects,solid_lines";

    [Fact]
    public void Check_WithSolidLinesHead_PassesAndReportsIt()
    {
        ContractReport report = Check(FiveHeads, [.. FourOutputs(), SolidLines(1, 8, 12)]);

        Assert.True(report.IsSatisfied, string.Join(Environment.NewLine, report.Failures));
        Assert.Equal(ContractCheckOutcome.Passed, report[Ids.SolidLinesOutput].Outcome);
        Assert.True(report.Contract!.HasSolidLines);
        Assert.Equal(["lanes", "drivable", "depth", "objects", "solid_lines"], report.Contract.OutputNames);
        Assert.Contains("heads lanes,drivable,depth,objects,solid_lines", report.Contract.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithoutSolidLinesHead_PassesAndSkipsItsRule()
    {
        ContractReport report = Check(FourHeads, FourOutputs());

        Assert.True(report.IsSatisfied, string.Join(Environment.NewLine, report.Failures));
        Assert.Equal(ContractCheckOutcome.Skipped, report[Ids.SolidLinesOutput].Outcome);
        Assert.Equal("head absent", report[Ids.SolidLinesOutput].Actual);
        Assert.False(report.Contract!.HasSolidLines);
        Assert.Equal(["lanes", "drivable", "depth", "objects"], report.Contract.OutputNames);
    }

    [Theory]
    [InlineData(1, 4, 6)] // stride 8 map in a stride 4 model
    [InlineData(2, 8, 12)] // two channels (e.g. logits for solid and dashed)
    public void Check_SolidLinesWrongShape_FailsSolidLinesOutputOnly(int channels, int height, int width)
    {
        ContractReport report = Check(FiveHeads, [.. FourOutputs(), SolidLines(channels, height, width)]);

        Assert.Equal([Ids.SolidLinesOutput], report.Failures.Select(f => f.RuleId));
        Assert.Contains("[N,1,8,12]", report[Ids.SolidLinesOutput].Rule, StringComparison.Ordinal);
        Assert.Null(report.Contract);
    }

    [Fact]
    public void Check_SolidLinesNotFloat_FailsSolidLinesOutput()
    {
        TensorSignature uint8Map = new("solid_lines", TensorElementType.UInt8, [N, 1, 8, 12]);

        ContractReport report = Check(FiveHeads, [.. FourOutputs(), uint8Map]);

        Assert.Equal([Ids.SolidLinesOutput], report.Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void Check_SolidLinesOutputNotListed_FailsOutputsAreHeads()
    {
        ContractReport report = Check(FourHeads, [.. FourOutputs(), SolidLines(1, 8, 12)]);

        Assert.Contains(Ids.OutputsAreHeads, report.Failures.Select(f => f.RuleId));
        Assert.Contains("solid_lines", report[Ids.OutputsAreHeads].Actual, StringComparison.Ordinal);
    }

    private static ContractReport Check(string heads, TensorSignature[] outputs) =>
        ModelContractValidator.Check("hand-built.onnx", new ModelSignature([Images()], outputs, Metadata(heads)));

    private static TensorSignature Images() => new("images", TensorElementType.UInt8, [N, 32, 48, 3], ["N", "", "", ""]);

    private static TensorSignature SolidLines(int channels, int height, int width) =>
        new("solid_lines", TensorElementType.Float, [N, channels, height, width]);

    private static TensorSignature[] FourOutputs() =>
    [
        new("lanes", TensorElementType.Float, [N, 1, 8, 12]),
        new("drivable", TensorElementType.Float, [N, 1, 8, 12]),
        new("depth", TensorElementType.Float, [N, 1, 8, 12]),
        new("objects", TensorElementType.Float, [N, 4, 7]),
    ];

    private static Dictionary<string, string> Metadata(string heads) => new()
    {
        [ContractMetadataKeys.ContractVersion] = "1",
        [ContractMetadataKeys.InputHeight] = "32",
        [ContractMetadataKeys.InputWidth] = "48",
        [ContractMetadataKeys.Stride] = "4",
        [ContractMetadataKeys.Classes] = "vehicle,pedestrian,cyclist",
        [ContractMetadataKeys.Heads] = heads,
        [ContractMetadataKeys.MaxObjects] = "4",
        [ContractMetadataKeys.Backbone] = "tiny",
    };
}

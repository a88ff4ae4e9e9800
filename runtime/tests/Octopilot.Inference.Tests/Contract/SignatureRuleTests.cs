using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Octopilot.Inference.Contract;
using Ids = Octopilot.Inference.Contract.ContractRuleIds;

namespace Octopilot.Inference.Tests.Contract;

/// <summary>Rules on hand-built signatures: cases no exporter mistake fixture covers, without a model file.</summary>
public sealed class SignatureRuleTests
{
    private const int N = TensorSignature.SymbolicDim;

    [Fact]
    public void Check_HandBuiltValidSignature_Passes()
    {
        ContractReport report = Check(Metadata());

        Assert.True(report.IsSatisfied, string.Join(Environment.NewLine, report.Failures));
    }

    [Theory]
    [InlineData("+4")]
    [InlineData(" 4")]
    [InlineData("4.0")]
    [InlineData("0")]
    [InlineData("-4")]
    [InlineData("four")]
    public void Check_StrideNotPlainPositiveDigits_FailsMetaStride(string stride)
    {
        ContractReport report = Check(Metadata(stride: stride));

        Assert.Equal([Ids.MetaStride], report.Failures.Select(f => f.RuleId));
        Assert.Equal($"'{stride}'", report[Ids.MetaStride].Actual);
    }

    [Fact]
    public void Check_UnknownHead_FailsMetaHeadsNamingIt()
    {
        ContractReport report = Check(Metadata(heads: "lanes,drivable,depth,objects,segmentation"));

        Assert.Contains(Ids.MetaHeads, report.Failures.Select(f => f.RuleId));
        Assert.Contains("unknown 'segmentation'", report[Ids.MetaHeads].Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HeadListedTwice_FailsMetaHeads()
    {
        ContractReport report = Check(Metadata(heads: "lanes,lanes,drivable,depth,objects"));

        Assert.Contains("listed twice", report[Ids.MetaHeads].Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ClassesWithEmptyName_FailsMetaClasses()
    {
        ContractReport report = Check(Metadata(classes: "vehicle,,cyclist"));

        Assert.Equal([Ids.MetaClasses], report.Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void Check_SequenceOutput_FailsItsHeadRule()
    {
        var outputs = Outputs();
        outputs[0] = new TensorSignature("lanes", TensorElementType.DataTypeMax, [], null, OnnxValueType.ONNX_TYPE_SEQUENCE);

        ContractReport report = Check(Metadata(), outputs: outputs);

        Assert.Equal([Ids.LanesOutput], report.Failures.Select(f => f.RuleId));
        Assert.Equal("sequence []", report[Ids.LanesOutput].Actual);
    }

    [Fact]
    public void Check_TwoInputs_FailsInputNameListingBoth()
    {
        TensorSignature extra = new("camera_index", TensorElementType.Int64, [N]); // unnamed symbolic dim: shown as ?

        ContractReport report = Check(Metadata(), inputs: [Images(), extra]);

        Assert.Equal([Ids.InputName], report.Failures.Select(f => f.RuleId));
        Assert.Equal("'images' uint8 [N,32,48,3], 'camera_index' int64 [?]", report[Ids.InputName].Actual);
    }

    [Fact]
    public void Check_NoMaxObjectsWithoutObjectsHead_IsNotRequired()
    {
        var metadata = Metadata(heads: "lanes,drivable,depth");
        metadata.Remove(ContractMetadataKeys.MaxObjects);

        ContractReport report = Check(metadata, outputs: Outputs()[..3]);

        Assert.True(report.IsSatisfied, string.Join(Environment.NewLine, report.Failures));
        Assert.Equal(0, report.Contract!.MaxObjects);
        Assert.Equal("32x48, stride 4, heads lanes,drivable,depth, K - (no objects head), classes vehicle,pedestrian,cyclist", report.Contract.Summary);
    }

    [Fact]
    public void Check_NoInputs_FailsInputNameAndSkipsTheRest()
    {
        ContractReport report = Check(Metadata(), inputs: []);

        Assert.Equal([Ids.InputName], report.Failures.Select(f => f.RuleId));
        Assert.Equal("no inputs", report[Ids.InputName].Actual);
        Assert.Equal(ContractCheckOutcome.Skipped, report[Ids.InputDtype].Outcome);
    }

    private static ContractReport Check(Dictionary<string, string> metadata, TensorSignature[]? inputs = null, TensorSignature[]? outputs = null) =>
        ModelContractValidator.Check("hand-built.onnx", new ModelSignature(inputs ?? [Images()], outputs ?? Outputs(), metadata));

    private static TensorSignature Images() => new("images", TensorElementType.UInt8, [N, 32, 48, 3], ["N", "", "", ""]);

    private static TensorSignature[] Outputs() =>
    [
        new("lanes", TensorElementType.Float, [N, 1, 8, 12]),
        new("drivable", TensorElementType.Float, [N, 1, 8, 12]),
        new("depth", TensorElementType.Float, [N, 1, 8, 12]),
        new("objects", TensorElementType.Float, [N, 4, 7]),
    ];

    private static Dictionary<string, string> Metadata(string stride = "4", string heads = "lanes,drivable,depth,objects", string classes = "vehicle,pedestrian,cyclist") => new()
    {
        [ContractMetadataKeys.ContractVersion] = "1",
        [ContractMetadataKeys.InputHeight] = "32",
        [ContractMetadataKeys.InputWidth] = "48",
        [ContractMetadataKeys.Stride] = stride,
        [ContractMetadataKeys.Classes] = classes,
        [ContractMetadataKeys.Heads] = heads,
        [ContractMetadataKeys.MaxObjects] = "4",
        [ContractMetadataKeys.Backbone] = "tiny",
    };
}

using Octopilot.Inference.Contract;
using Octopilot.Inference.Tests.Infrastructure;

namespace Octopilot.Inference.Tests.Contract;

public sealed class ValidFixtureTests
{
    [Theory]
    [InlineData("valid.onnx")]
    [InlineData("valid-batch8.onnx")]
    [InlineData("valid-no-depth.onnx")]
    [InlineData("nan-depth.onnx")]
    public void CheckFile_ValidFixture_EveryRulePassesOrIsNotApplicable(string fixture)
    {
        ContractReport report = ModelContractValidator.CheckFile(ModelFixtures.Path(fixture));

        Assert.True(report.IsSatisfied, string.Join(Environment.NewLine, report.Failures));
        Assert.Empty(report.Failures);
        Assert.Equal(typeof(ContractRuleIds).GetFields().Select(f => (string)f.GetValue(null)!), report.Checks.Select(c => c.RuleId));
        Assert.NotNull(report.Contract);
    }

    [Fact]
    public void ValidateFile_Valid_ParsesEveryContractValue()
    {
        ModelContract contract = ModelContractValidator.ValidateFile(ModelFixtures.Path("valid.onnx"));

        Assert.Equal(1, contract.ContractVersion);
        Assert.Null(contract.BatchSize);
        Assert.True(contract.IsBatchDynamic);
        Assert.Equal(ModelFixtures.HeightPx, contract.InputHeightPx);
        Assert.Equal(ModelFixtures.WidthPx, contract.InputWidthPx);
        Assert.Equal(ModelFixtures.Stride, contract.Stride);
        Assert.Equal(8, contract.MapHeight);
        Assert.Equal(12, contract.MapWidth);
        Assert.Equal(ModelFixtures.MaxObjects, contract.MaxObjects);
        Assert.Equal(7, ModelContract.ObjectFieldCount);
        Assert.Equal(ModelFixtures.Classes, contract.Classes);
        Assert.Equal(["lanes", "drivable", "depth", "objects"], contract.OutputNames);
        Assert.True(contract.HasLanes && contract.HasDrivable && contract.HasDepth && contract.HasObjects);
        Assert.Equal("tiny", contract.Backbone);
        Assert.Equal("32x48, stride 4, heads lanes,drivable,depth,objects, K 4, classes vehicle,pedestrian,cyclist", contract.Summary);
    }

    [Fact]
    public void ValidateFile_FixedBatch_ReportsBatchSize()
    {
        ModelContract contract = ModelContractValidator.ValidateFile(ModelFixtures.Path("valid-batch8.onnx"));

        Assert.Equal(8, contract.BatchSize);
        Assert.False(contract.IsBatchDynamic);
    }

    [Fact]
    public void CheckFile_NoDepthHead_PassesWithDepthAbsent()
    {
        ContractReport report = ModelContractValidator.CheckFile(ModelFixtures.Path("valid-no-depth.onnx"));

        Assert.False(report.Contract!.HasDepth);
        Assert.Equal(["lanes", "drivable", "objects"], report.Contract.OutputNames);
        Assert.Equal(ContractCheckOutcome.Skipped, report[ContractRuleIds.DepthOutput].Outcome);
        Assert.Equal("head absent", report[ContractRuleIds.DepthOutput].Actual);
    }

    [Fact]
    public void Check_OpenSession_ReadsSignatureWithSymbolicBatch()
    {
        using var session = ModelFile.OpenForInspection(ModelFixtures.Path("valid.onnx"));

        ContractReport report = ModelContractValidator.Check("valid.onnx", session);

        TensorSignature input = Assert.Single(report.Signature.Inputs);
        Assert.Equal("images", input.Name);
        Assert.Equal("uint8 [N,32,48,3]", input.ToString());
        Assert.Equal([TensorSignature.SymbolicDim, 32, 48, 3], input.Dimensions);
        Assert.Equal(["lanes", "drivable", "depth", "objects"], report.Signature.Outputs.Select(o => o.Name));
        Assert.Equal("float32 [N,4,7]", report.Signature.FindOutput("objects")!.ToString());
        Assert.Equal("1", report.Signature.Metadata["octopilot.contract_version"]);
    }
}

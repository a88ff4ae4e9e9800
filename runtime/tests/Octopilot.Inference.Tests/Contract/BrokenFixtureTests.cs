using Octopilot.Inference.Contract;
using Octopilot.Inference.Tests.Infrastructure;
using Ids = Octopilot.Inference.Contract.ContractRuleIds;

namespace Octopilot.Inference.Tests.Contract;

/// <summary>Each broken fixture breaks one contract mistake; the validator must name exactly the rules it breaks.</summary>
public sealed class BrokenFixtureTests
{
    public static TheoryData<string, string[]> BrokenFixtures => new()
    {
        { "input-float32.onnx", [Ids.InputDtype] },
        { "input-nchw.onnx", [Ids.InputLayout] },
        { "input-renamed.onnx", [Ids.InputName] },
        { "input-dynamic-size.onnx", [Ids.InputSize] },
        { "missing-head-output.onnx", [Ids.HeadsAreOutputs] },
        { "extra-output.onnx", [Ids.OutputsAreHeads] },
        { "map-shape-mismatch.onnx", [Ids.LanesOutput, Ids.DrivableOutput, Ids.DepthOutput] },
        { "stride-not-dividing.onnx", [Ids.StrideDividesInput] },
        { "missing-metadata-key.onnx", [Ids.MetaClasses] },
        { "wrong-contract-version.onnx", [Ids.MetaContractVersion] },
        { "objects-k-mismatch.onnx", [Ids.ObjectsOutput] },
        { "batch-mismatch.onnx", [Ids.BatchConsistent] },
        { "no-heads.onnx", [Ids.HeadsAtLeastOne, Ids.OutputsAreHeads] },
    };

    [Theory]
    [MemberData(nameof(BrokenFixtures))]
    public void CheckFile_BrokenFixture_FailsExactlyItsRules(string fixture, string[] expectedRules)
    {
        ContractReport report = ModelContractValidator.CheckFile(ModelFixtures.Path(fixture));

        Assert.False(report.IsSatisfied);
        Assert.Null(report.Contract);
        Assert.Equal(expectedRules, report.Failures.Select(f => f.RuleId));
        Assert.All(report.Failures, f => Assert.False(string.IsNullOrEmpty(f.Fix)));
    }

    [Theory]
    [MemberData(nameof(BrokenFixtures))]
    public void ValidateFile_BrokenFixture_ThrowsNamingFileAndEveryRule(string fixture, string[] expectedRules)
    {
        string path = ModelFixtures.Path(fixture);

        var e = Assert.Throws<ModelContractException>(() => ModelContractValidator.ValidateFile(path));

        Assert.StartsWith(path + ": breaks HydraNet contract v1", e.Message, StringComparison.Ordinal);
        Assert.Equal(path, e.ModelPath);
        Assert.All(expectedRules, rule => Assert.Contains($"[{rule}]", e.Message, StringComparison.Ordinal));
        Assert.Equal(expectedRules.Length, e.Failures.Count);
    }

    [Fact]
    public void CheckFile_FloatInput_MessageStatesRuleActualAndFix()
    {
        ContractCheck check = ModelContractValidator.CheckFile(ModelFixtures.Path("input-float32.onnx"))[Ids.InputDtype];

        Assert.Equal("input 'images' is uint8 (raw RGB bytes) (got float32); fix: take uint8 frames and do the cast to float, /255 and mean/std normalisation inside the graph", check.Message);
    }

    [Fact]
    public void CheckFile_MapShapeMismatch_StatesExpectedAndActualShape()
    {
        ContractCheck check = ModelContractValidator.CheckFile(ModelFixtures.Path("map-shape-mismatch.onnx"))[Ids.LanesOutput];

        Assert.Contains("[N,1,8,12]", check.Rule, StringComparison.Ordinal);
        Assert.Equal("float32 [N,1,16,24]", check.Actual);
    }

    [Fact]
    public void CheckFile_ObjectsKMismatch_StatesBothK()
    {
        ContractCheck check = ModelContractValidator.CheckFile(ModelFixtures.Path("objects-k-mismatch.onnx"))[Ids.ObjectsOutput];

        Assert.Equal("float32 [N,5,7], octopilot.max_objects 4", check.Actual);
    }

    [Fact]
    public void CheckFile_MissingHeadOutput_NamesTheHeadAndSkipsItsShapeRule()
    {
        ContractReport report = ModelContractValidator.CheckFile(ModelFixtures.Path("missing-head-output.onnx"));

        Assert.Contains("listed but not an output: depth", report[Ids.HeadsAreOutputs].Actual, StringComparison.Ordinal);
        Assert.Equal(ContractCheckOutcome.Skipped, report[Ids.DepthOutput].Outcome);
    }

    [Fact]
    public void CheckFile_StrideNotDividing_SkipsMapShapesInsteadOfFailingThemToo()
    {
        ContractReport report = ModelContractValidator.CheckFile(ModelFixtures.Path("stride-not-dividing.onnx"));

        Assert.Equal("stride 5, input 32x48", report[Ids.StrideDividesInput].Actual);
        Assert.Equal(ContractCheckOutcome.Skipped, report[Ids.LanesOutput].Outcome);
    }

    [Fact]
    public void CheckFile_MissingMetadataKey_SaysKeyMissing()
    {
        ContractCheck check = ModelContractValidator.CheckFile(ModelFixtures.Path("missing-metadata-key.onnx"))[Ids.MetaClasses];

        Assert.Equal("key missing", check.Actual);
        Assert.Contains("octopilot.classes", check.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckFile_BatchMismatch_ListsEveryBatchDim()
    {
        ContractCheck check = ModelContractValidator.CheckFile(ModelFixtures.Path("batch-mismatch.onnx"))[Ids.BatchConsistent];

        Assert.Equal("images N, lanes 2, drivable 2, depth 2, objects 2", check.Actual);
    }
}

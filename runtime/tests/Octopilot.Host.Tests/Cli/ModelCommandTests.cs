using Octopilot.Host.Cli;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Testing;

namespace Octopilot.Host.Tests.Cli;

/// <summary>`octopilot model inspect|validate` on the committed contract fixtures (runtime/tests/Octopilot.Inference.Tests/Models).</summary>
public sealed class ModelCommandTests
{
    private static string Fixture(string name) =>
        Path.Combine(RepositoryPaths.Root, "runtime", "tests", "Octopilot.Inference.Tests", "Models", name);

    [Fact]
    public void Validate_ValidModel_PrintsOkSummaryAndExits0()
    {
        string path = Fixture("valid.onnx");

        CliRun run = CliRun.Of("model", "validate", path);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(
            $"OK: {path} satisfies HydraNet contract v1 (32x48, stride 4, heads lanes,drivable,depth,objects, K 4, classes vehicle,pedestrian,cyclist){Environment.NewLine}",
            run.Output);
        Assert.Empty(run.Error);
    }

    [Theory]
    [InlineData("input-float32.onnx", "input-dtype")]
    [InlineData("missing-head-output.onnx", "heads-are-outputs")]
    [InlineData("objects-k-mismatch.onnx", "objects-output")]
    [InlineData("wrong-contract-version.onnx", "meta-contract-version")]
    public void Validate_BrokenModel_NamesRuleAndExits2(string fixture, string rule)
    {
        string path = Fixture(fixture);

        CliRun run = CliRun.Of("model", "validate", path);

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.StartsWith($"octopilot model validate: {path}: breaks HydraNet contract v1 (1 rule):", run.Error, StringComparison.Ordinal);
        Assert.Contains($"[{rule}]", run.Error, StringComparison.Ordinal);
        Assert.Contains("fix: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MapShapeMismatch_NamesEveryBrokenHead()
    {
        CliRun run = CliRun.Of("model", "validate", Fixture("map-shape-mismatch.onnx"));

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("(3 rules)", run.Error, StringComparison.Ordinal);
        Assert.Contains("[lanes-output] output 'lanes' is float32 [N,1,H/S,W/S] = [N,1,8,12] (got float32 [N,1,16,24])", run.Error, StringComparison.Ordinal);
        Assert.Contains("[drivable-output]", run.Error, StringComparison.Ordinal);
        Assert.Contains("[depth-output]", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("inspect")]
    public void Command_CorruptFile_NamesFileAndExits2(string verb)
    {
        using var temp = new TempFolder();
        string path = temp.Write("corrupt.onnx", "\u0001\u0002 definitely not protobuf");

        CliRun run = CliRun.Of("model", verb, path);

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.StartsWith($"octopilot model {verb}: {path}: cannot be loaded as an ONNX model: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TruncatedModel_NamesFileAndExits2()
    {
        using var temp = new TempFolder();
        byte[] valid = File.ReadAllBytes(Fixture("valid.onnx"));
        string path = Path.Combine(temp.Path, "truncated.onnx");
        File.WriteAllBytes(path, valid[..(valid.Length / 3)]);

        CliRun run = CliRun.Of("model", "validate", path);

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains($"{path}: cannot be loaded as an ONNX model", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_MissingFile_SaysNoSuchFileAndExits2()
    {
        using var temp = new TempFolder();
        string path = Path.Combine(temp.Path, "absent.onnx");

        CliRun run = CliRun.Of("model", "inspect", path);

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("no such file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_ValidModel_PrintsSignatureMetadataAndPassingRules()
    {
        CliRun run = CliRun.Of("model", "inspect", Fixture("valid.onnx"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Empty(run.Error);
        string[] lines = run.Output.Split(Environment.NewLine);
        Assert.Contains("Inputs (1):", lines);
        Assert.Contains("  images  uint8 [N,32,48,3]", lines);
        Assert.Contains("Outputs (4):", lines);
        Assert.Contains("  objects   float32 [N,4,7]", lines);
        Assert.Contains("  lanes     float32 [N,1,8,12]", lines);
        Assert.Contains("  octopilot.classes = vehicle,pedestrian,cyclist", lines);
        Assert.Contains("  octopilot.backbone = tiny", lines);
        Assert.Contains(lines, l => l.StartsWith("  PASS input-dtype ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("  FAIL ", StringComparison.Ordinal));
        Assert.Contains("Result: satisfies HydraNet contract v1 (32x48, stride 4, heads lanes,drivable,depth,objects, K 4, classes vehicle,pedestrian,cyclist)", lines);
    }

    [Fact]
    public void Inspect_BrokenModel_PrintsFailAndStillExits0()
    {
        CliRun run = CliRun.Of("model", "inspect", Fixture("input-float32.onnx"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        string[] lines = run.Output.Split(Environment.NewLine);
        Assert.Contains("  images  float32 [N,32,48,3]", lines);
        Assert.Contains(lines, l => l.StartsWith("  FAIL input-dtype ", StringComparison.Ordinal) && l.Contains("(got float32); fix: ", StringComparison.Ordinal));
        Assert.Contains("Result: breaks HydraNet contract v1: 1 rule(s) failed (input-dtype)", lines);
    }

    [Fact]
    public void Inspect_ModelWithoutDepth_ShowsDepthRuleSkipped()
    {
        CliRun run = CliRun.Of("model", "inspect", Fixture("valid-no-depth.onnx"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(run.Output.Split(Environment.NewLine), l => l.StartsWith("  SKIP depth-output ", StringComparison.Ordinal) && l.EndsWith("(not checked: head absent)", StringComparison.Ordinal));
    }

    [Fact]
    public void Model_NoSubcommand_IsAUsageErrorExit2()
    {
        CliRun run = CliRun.Of("model");

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
    }
}

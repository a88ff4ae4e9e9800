using Octopilot.Host.Cli;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Testing;

namespace Octopilot.Host.Tests.Cli;

/// <summary>`octopilot sim --manifest`: a foreign model drives the live pipeline's perception through its manifest.</summary>
public sealed class SimCommandManifestTests
{
    private static string Foreign(string caseName, string file) => Path.Combine(RepositoryPaths.Root, "onnx", "fixtures", "foreign", caseName, file);

    [Fact]
    public void Run_ForeignYoloWithManifestAsPerception_RunsLiveWithZeroConsumerAllocation()
    {
        CliRun run = CliRun.Of("sim", "--config", RepositoryFiles.SimSettings, "--duration", "2", "--perception", "model",
            "--model", Foreign("yolo-nhwc-letterbox", "model.onnx"), "--manifest", Foreign("yolo-nhwc-letterbox", "manifest.json"));

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
        Assert.Contains("manifest.json: input 160x96 Float32 Nhwc, Letterbox from 384x288 frames, one run per camera", run.Output, StringComparison.Ordinal);
        Assert.Contains("world model: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("from model", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"consumer 0 B over [1-9][0-9]* sets", run.Output); // the inference thread with the foreign engine: 0 B (drops depend on load)
    }

    [Fact]
    public void Run_ManifestThatDoesNotFitTheModel_ExitsTwoNamingTheField()
    {
        CliRun run = CliRun.Of("sim", "--config", RepositoryFiles.SimSettings, "--duration", "1",
            "--model", Foreign("yolo-nhwc-letterbox", "model.onnx"), "--manifest", Path.Combine(RepositoryPaths.Root, "onnx", "fixtures", "foreign", "bad", "yolo-anchor-count.json"));

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("$.heads[0].anchors", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("summary:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RecordWithManifest_ExitsTwoBecauseReplayRunsContractModelsOnly()
    {
        using var temp = new TempFolder();
        CliRun run = CliRun.Of("sim", "--config", RepositoryFiles.SimSettings, "--duration", "1", "--record", temp.Path,
            "--model", Foreign("yolo-nhwc-letterbox", "model.onnx"), "--manifest", Foreign("yolo-nhwc-letterbox", "manifest.json"));

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("--record with --manifest", run.Error, StringComparison.Ordinal);
    }
}

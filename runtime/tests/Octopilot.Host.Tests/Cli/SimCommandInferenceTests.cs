using Octopilot.Host.Cli;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Testing;

namespace Octopilot.Host.Tests.Cli;

/// <summary>`octopilot sim` with the model: provider fallback and requirement, models that cannot run on these cameras.</summary>
public sealed class SimCommandInferenceTests
{
    private static string Fixture(string name) =>
        Path.Combine(RepositoryPaths.Root, "runtime", "tests", "Octopilot.Inference.Tests", "Models", name);

    [Fact]
    public void Run_CudaRequestedOnMachineWithoutIt_LogsTheReasonAndRunsOnCpu()
    {
        CliRun run = CliRun.Of("sim", "--config", RepositoryFiles.SimSettings, "--duration", "1", "--provider", "cuda,cpu");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
        Assert.Contains("provider cuda unavailable", run.Output, StringComparison.Ordinal);
        Assert.Contains(" on cpu, 8 cameras", run.Output, StringComparison.Ordinal);
        Assert.Contains("inference: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RequireProviderCudaWithoutIt_ExitsTwoBeforeStarting()
    {
        CliRun run = CliRun.Of("sim", "--config", RepositoryFiles.SimSettings, "--duration", "1", "--provider", "cuda,cpu", "--require-provider", "cuda");

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("cuda is required", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("summary:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ModelBreakingTheContract_ExitsTwoNamingTheRule()
    {
        CliRun run = CliRun.Of("sim", "--config", RepositoryFiles.SimSettings, "--model", Fixture("input-float32.onnx"));

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("input-float32.onnx", run.Error, StringComparison.Ordinal);
        Assert.Contains("input-dtype", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ModelOfAnotherInputSize_ExitsTwoNamingBothSizes()
    {
        CliRun run = CliRun.Of("sim", "--config", RepositoryFiles.SimSettings, "--model", Fixture("valid.onnx"));

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("384x288", run.Error, StringComparison.Ordinal);
        Assert.Contains("48x32", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownProviderName_ExitsTwoListingTheAllowedOnes()
    {
        CliRun run = CliRun.Of("sim", "--config", RepositoryFiles.SimSettings, "--provider", "openvino");

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("'openvino' is not a provider", run.Error, StringComparison.Ordinal);
        Assert.Contains("tensorrt", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoInference_RunsCaptureOnly()
    {
        CliRun run = CliRun.Of("sim", "--config", RepositoryFiles.SimSettings, "--duration", "1", "--no-inference");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
        Assert.Contains("inference: off", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("sets on cpu", run.Output, StringComparison.Ordinal);
    }
}

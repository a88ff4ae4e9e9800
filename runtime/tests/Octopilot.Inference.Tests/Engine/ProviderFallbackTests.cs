using Octopilot.Inference.Engine;
using Octopilot.Inference.Providers;

namespace Octopilot.Inference.Tests.Engine;

/// <summary>This machine (and CI) has no CUDA: asking for it must fall back with a logged reason, or fail when required.</summary>
public sealed class ProviderFallbackTests
{
    [Theory]
    [InlineData(ExecutionProviderKind.Cuda)]
    [InlineData(ExecutionProviderKind.TensorRt)]
    public void Open_GpuProviderUnavailable_LogsReasonAndRunsOnCpu(ExecutionProviderKind gpu)
    {
        using var log = new StringWriter();
        var options = new InferenceOptions { ModelPath = TinyModelFiles.Model, Providers = [gpu, ExecutionProviderKind.Cpu] };

        using InferenceEngine engine = InferenceEngine.Open(options, new Core.Time.VirtualClock(), log);

        Assert.Equal(ExecutionProviderKind.Cpu, engine.Provider);
        string line = Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"provider {ExecutionProviderNames.NameOf(gpu)} unavailable", line, StringComparison.Ordinal);
        Assert.True(line.Length > $"inference: provider {ExecutionProviderNames.NameOf(gpu)} unavailable, trying the next: ".Length + 5,
            $"the log line must carry ORT's reason: {line}");
    }

    [Fact]
    public void Open_RequiredProviderUnavailable_FailsNamingIt()
    {
        var options = new InferenceOptions
        {
            ModelPath = TinyModelFiles.Model,
            Providers = [ExecutionProviderKind.Cuda, ExecutionProviderKind.Cpu],
            RequiredProvider = ExecutionProviderKind.Cuda,
        };

        var e = Assert.Throws<InferenceStartupException>(() => InferenceEngine.Open(options, new Core.Time.VirtualClock(), TextWriter.Null));
        Assert.Contains("cuda is required", e.Message, StringComparison.Ordinal);
        Assert.Contains("runs on cpu", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_OnlyGpuListed_FallsBackToCpuAsLastResort()
    {
        using var log = new StringWriter();
        var options = new InferenceOptions { ModelPath = TinyModelFiles.Model, Providers = [ExecutionProviderKind.Cuda] };

        using InferenceEngine engine = InferenceEngine.Open(options, new Core.Time.VirtualClock(), log);

        Assert.Equal(ExecutionProviderKind.Cpu, engine.Provider);
        Assert.Contains("running on cpu", log.ToString(), StringComparison.Ordinal);
    }
}

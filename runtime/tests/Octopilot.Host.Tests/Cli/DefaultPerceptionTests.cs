using Octopilot.CameraPath;
using Octopilot.Host.Cli;
using Octopilot.Host.Sim;
using Octopilot.Testing;

namespace Octopilot.Host.Tests.Cli;

/// <summary>`sim` without --perception: the HydraNet drives when there is one to run, the oracle when there is none.</summary>
public sealed class DefaultPerceptionTests
{
    private static SimSettings Defaults => SimSettingsFile.Load(RepositoryPaths.DefaultSimSettings);

    [Fact]
    public void Resolve_NotGivenWithTheDefaultSettings_TheModelDrives()
    {
        Assert.NotNull(Defaults.Inference); // sim-default.json names the committed tiny HydraNet

        Assert.Equal(PerceptionSource.Model, DefaultPerception.Resolve(null, Defaults));
    }

    [Fact]
    public void Resolve_NotGivenWithoutInference_TheOracleDrives()
    {
        SimSettings capturingOnly = InferenceOverrides.Apply(Defaults, model: null, providers: null, requireProvider: null, noInference: true);

        Assert.Equal(PerceptionSource.Oracle, DefaultPerception.Resolve(null, capturingOnly));
    }

    [Theory]
    [InlineData("model", PerceptionSource.Model)]
    [InlineData("oracle", PerceptionSource.Oracle)]
    public void Resolve_Given_TheChoiceStandsWhateverTheSettings(string given, PerceptionSource expected)
    {
        SimSettings capturingOnly = Defaults with { Inference = null };

        Assert.Equal(expected, DefaultPerception.Resolve(given, Defaults));
        Assert.Equal(expected, DefaultPerception.Resolve(given, capturingOnly)); // model without one: the runner refuses it, naming the fix
    }
}

using Octopilot.Host.Evaluation;
using Octopilot.Host.Sim;
using Octopilot.Testing;

namespace Octopilot.Host.Tests.Evaluation;

public sealed class EvaluationSettingsTests
{
    [Fact]
    public void DefaultRangeNoise_IsTheSimulatorDefaultsObjectRangeNoiseFraction()
    {
        // model evaluate places detections as the simulator does; a changed sim-default.json must move both.
        SimSettings settings = SimSettingsFile.Load(RepositoryPaths.DefaultSimSettings);

        Assert.Equal(settings.Inference?.ObjectRangeNoiseFraction, EvaluationSettings.DefaultRangeNoiseFraction);
    }
}

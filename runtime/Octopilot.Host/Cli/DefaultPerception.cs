using Octopilot.CameraPath;
using Octopilot.Host.Sim;

namespace Octopilot.Host.Cli;

/// <summary>
/// Which perception drives `sim` when `--perception` is not given: the HydraNet (issue 12: the trained tiny model meets
/// its bars), unless there is none to run (`--no-inference`, or settings without an inference section), when the
/// oracle drives as it did before. Given explicitly, the choice stands, and a model choice without a model is refused
/// by the runner with a message naming the fix.
/// </summary>
internal static class DefaultPerception
{
    public static PerceptionSource Resolve(string? given, SimSettings settings) => given switch
    {
        "model" => PerceptionSource.Model,
        "oracle" => PerceptionSource.Oracle,
        _ => settings.Inference is null ? PerceptionSource.Oracle : PerceptionSource.Model,
    };
}

using System.Text.Json;

namespace Octopilot.Host.ClosedLoop;

/// <summary>
/// Tells the two scenario formats `octopilot sim --scenario` takes apart: a camera scene (camera-drivers' format:
/// <c>seed</c>, <c>vehicles</c> with fixed scripts; the live, open-loop pipeline demo) or a planner scenario (planner's
/// format: <c>durationS</c>, <c>traffic</c> with triggers, <c>expect</c>; run closed loop through the camera path and
/// judged). The planner format is recognised by its required <c>durationS</c>; the loaders then check everything.
/// </summary>
internal static class ScenarioFileKind
{
    public static bool IsPlannerScenario(string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = false });
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("durationS", out _);
        }
        catch (JsonException)
        {
            return false; // the camera scene loader reports the syntax error with its line and column
        }
    }
}

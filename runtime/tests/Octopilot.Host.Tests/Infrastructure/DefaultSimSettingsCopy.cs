using System.Text.RegularExpressions;
using Octopilot.Testing;

namespace Octopilot.Host.Tests.Infrastructure;

/// <summary>
/// The repository's default sim settings copied into a temp folder with its relative paths made absolute, and the
/// inference section's object range and score threshold set as a test needs them.
/// </summary>
internal static partial class DefaultSimSettingsCopy
{
    /// <param name="objectRangeNoiseFraction">Set (added when the defaults lack it) unless null.</param>
    /// <param name="objectNmsIou">Replaces the defaults' value unless null.</param>
    public static string Write(
        TempFolder folder, string objectRange, string? objectScoreThreshold = null, string? objectRangeNoiseFraction = null, string? objectNmsIou = null)
    {
        string text = File.ReadAllText(RepositoryPaths.DefaultSimSettings)
            .Replace("rig-default-8cam.json", Slashes(RepositoryPaths.DefaultRig), StringComparison.Ordinal)
            .Replace("scenario-highway.json", Slashes(RepositoryPaths.DefaultScenario), StringComparison.Ordinal)
            .Replace("../../onnx/models/hydranet-tiny-288x384/model.onnx", Slashes(Path.Combine(RepositoryPaths.Root, "onnx", "models", "hydranet-tiny-288x384", "model.onnx")), StringComparison.Ordinal);
        text = ObjectRange().Replace(text, $"\"objectRange\": \"{objectRange}\"");
        if (objectScoreThreshold is not null)
        {
            text = ScoreThreshold().Replace(text, $"\"objectScoreThreshold\": {objectScoreThreshold}");
        }

        if (objectRangeNoiseFraction is not null)
        {
            text = RangeNoise().Replace(text, string.Empty);
            text = ObjectRange().Replace(text, $"\"objectRange\": \"{objectRange}\", \"objectRangeNoiseFraction\": {objectRangeNoiseFraction}");
        }

        if (objectNmsIou is not null)
        {
            Assert.Matches(NmsIou(), text);
            text = NmsIou().Replace(text, $"\"objectNmsIou\": {objectNmsIou}");
        }

        return folder.Write("settings.json", text);
    }

    private static string Slashes(string path) => path.Replace("\\", "/", StringComparison.Ordinal);

    [GeneratedRegex("\"objectRange\": \"[A-Za-z]+\"")]
    private static partial Regex ObjectRange();

    [GeneratedRegex(",\\s*\"objectRangeNoiseFraction\": [0-9.]+")]
    private static partial Regex RangeNoise();

    [GeneratedRegex("\"objectNmsIou\": [0-9.]+")]
    private static partial Regex NmsIou();

    [GeneratedRegex("\"objectScoreThreshold\": [0-9.]+")]
    private static partial Regex ScoreThreshold();
}

using Octopilot.Host.Cli;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Testing;

namespace Octopilot.Host.Tests.Cli;

/// <summary>The settings' inference.objectRange (which range the model's detections carry into the BEV), its range noise and NMS IoU.</summary>
public sealed class SimSettingsObjectRangeTests
{
    private static string SettingsWithObjectRange(TempFolder folder, string value) => DefaultSimSettingsCopy.Write(folder, value);

    [Fact]
    public void Sim_UnknownObjectRange_ExitsTwoNamingFieldValueAndChoices()
    {
        using var folder = new TempFolder();
        string settings = SettingsWithObjectRange(folder, "laser");

        CliRun run = CliRun.Of("sim", "--config", settings, "--duration", "1");

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("objectRange", run.Error, StringComparison.Ordinal);
        Assert.Contains("laser", run.Error, StringComparison.Ordinal);
        Assert.Contains("modelDepth, groundContact", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("objectRangeNoiseFraction", "0", "(0, 1)")]
    [InlineData("objectRangeNoiseFraction", "1.5", "(0, 1)")]
    [InlineData("objectNmsIou", "0", "(0, 1]")]
    [InlineData("objectNmsIou", "1.5", "(0, 1]")]
    public void Sim_ModelSettingOutsideItsRange_ExitsTwoNamingTheFieldValueAndRange(string field, string value, string range)
    {
        using var folder = new TempFolder();
        string settings = field == "objectNmsIou"
            ? DefaultSimSettingsCopy.Write(folder, "groundContact", objectNmsIou: value)
            : DefaultSimSettingsCopy.Write(folder, "groundContact", objectRangeNoiseFraction: value);

        CliRun run = CliRun.Of("sim", "--config", settings, "--duration", "1");

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains(field, run.Error, StringComparison.Ordinal);
        Assert.Contains(range, run.Error, StringComparison.Ordinal);
        Assert.Contains(value, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("modelDepth")]
    [InlineData("groundContact")]
    public void Sim_EitherObjectRange_RunsWithTheModelDriving(string value)
    {
        using var folder = new TempFolder();
        string settings = SettingsWithObjectRange(folder, value);
        Assert.Contains($"\"objectRange\": \"{value}\"", File.ReadAllText(settings), StringComparison.Ordinal);

        CliRun run = CliRun.Of("sim", "--config", settings, "--duration", "1", "--perception", "model");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
    }
}

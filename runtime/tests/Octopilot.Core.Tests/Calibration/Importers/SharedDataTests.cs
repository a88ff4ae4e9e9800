using Octopilot.Testing;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration.Importers;

/// <summary>When the shared data is not beside the checkout, the real-data tests fail saying where they looked.</summary>
public class SharedDataTests
{
    [Fact]
    public void Require_FolderAbsent_FailsNamingThePathLookedFor()
    {
        string root = Path.Combine(Path.GetTempPath(), "octopilot-no-shared-data-" + Guid.NewGuid().ToString("N"));

        DirectoryNotFoundException e = Assert.Throws<DirectoryNotFoundException>(() => SharedData.Require(root, "nuscenes-mini-sample"));

        Assert.Contains("shared test data folder is absent", e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(root, "nuscenes-mini-sample"), e.Message, StringComparison.Ordinal);
        Assert.Contains(SharedData.EnvironmentVariable, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_IsSharedDataBesideTheCheckout()
    {
        if (Environment.GetEnvironmentVariable(SharedData.EnvironmentVariable) is { Length: > 0 })
        {
            return; // overridden on purpose
        }

        Assert.EndsWith(Path.Combine("shared", "data"), SharedData.Root, StringComparison.Ordinal);
    }
}

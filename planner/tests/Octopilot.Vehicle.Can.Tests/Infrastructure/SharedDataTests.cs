using Octopilot.Testing;
namespace Octopilot.Vehicle.Can.Tests.Infrastructure;

/// <summary>When the shared data is not beside the checkout, the real-car tests fail saying where they looked.</summary>
public class SharedDataTests
{
    [Fact]
    public void Require_FolderAbsent_FailsNamingThePathLookedFor()
    {
        string root = Path.Combine(Path.GetTempPath(), "octopilot-no-shared-data-" + Guid.NewGuid().ToString("N"));

        DirectoryNotFoundException e = Assert.Throws<DirectoryNotFoundException>(() => SharedData.Require(root, ToyotaData.Rav4Set));

        Assert.Contains("shared test data folder is absent", e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(root, ToyotaData.Rav4Set), e.Message, StringComparison.Ordinal);
        Assert.Contains("have NOT run", e.Message, StringComparison.Ordinal);
    }
}

using Octopilot.Testing;

namespace Octopilot.Host.Tests.Infrastructure;

/// <summary>The committed config files the CLI tests run against.</summary>
internal static class RepositoryFiles
{
    public static string SimSettings => RepositoryPaths.DefaultSimSettings;

    public static string Rig => RepositoryPaths.DefaultRig;

    public static string Scenario => RepositoryPaths.DefaultScenario;
}

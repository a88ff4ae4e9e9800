using System.Runtime.CompilerServices;

namespace Octopilot.Host.Tests.Infrastructure;

/// <summary>The committed config files, found by walking up to the folder holding Runtime.sln (from the binaries, else from this source file).</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(() =>
        FindAbove(AppContext.BaseDirectory) ?? FindAbove(Path.GetDirectoryName(ThisSourceFile())!)
        ?? throw new InvalidOperationException($"no folder holding Runtime.sln above {AppContext.BaseDirectory}"));

    public static string ConfigDirectory => Path.Combine(Root.Value, "runtime", "config");

    public static string SimSettings => Path.Combine(ConfigDirectory, "sim-default.json");

    public static string Rig => Path.Combine(ConfigDirectory, "rig-default-8cam.json");

    public static string Scenario => Path.Combine(ConfigDirectory, "scenario-highway.json");

    private static string? FindAbove(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Runtime.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string ThisSourceFile([CallerFilePath] string path = "") => path;
}

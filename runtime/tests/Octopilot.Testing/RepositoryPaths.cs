using System.Runtime.CompilerServices;

namespace Octopilot.Testing;

/// <summary>
/// The repository's committed files, for tests and benchmarks: found by walking up to the folder holding Runtime.sln
/// from the binaries, else from the working folder, else from this source file's compile-time path (binaries built
/// with --artifacts-path, or BenchmarkDotNet's generated projects, live outside the tree).
/// </summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    public static string Root => RootFolder.Value;

    public static string ConfigDirectory => Path.Combine(Root, "runtime", "config");

    public static string DefaultRig => Path.Combine(ConfigDirectory, "rig-default-8cam.json");

    public static string DefaultScenario => Path.Combine(ConfigDirectory, "scenario-highway.json");

    public static string DefaultSimSettings => Path.Combine(ConfigDirectory, "sim-default.json");

    private static string FindRoot()
    {
        string[] starts = [AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(ThisSourceFile())!];
        foreach (string start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Runtime.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"no folder holding Runtime.sln above {string.Join(" or ", starts)}: run tests and benchmarks from inside the repository");
    }

    private static string ThisSourceFile([CallerFilePath] string path = "") => path;
}

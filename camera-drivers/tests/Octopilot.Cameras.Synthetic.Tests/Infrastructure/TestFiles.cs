using System.Runtime.CompilerServices;
using Octopilot.Core.Calibration;

namespace Octopilot.Cameras.Synthetic.Tests.Infrastructure;

/// <summary>
/// The committed configuration files, found by walking up from the test binaries to the folder holding Runtime.sln;
/// when the binaries live outside the tree (dotnet test --artifacts-path), from this source file's compile-time path.
/// </summary>
internal static class TestFiles
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);
    private static readonly Lazy<CameraRig> Rig = new(() => RigFile.Load(RigPath));
    private static readonly Lazy<HighwayScenario> Scenario = new(() => ScenarioFile.Load(ScenarioPath));

    public static string RepositoryRoot => Root.Value;

    public static string RigPath => Path.Combine(RepositoryRoot, "runtime", "config", "rig-default-8cam.json");

    public static string ScenarioPath => Path.Combine(RepositoryRoot, "runtime", "config", "scenario-highway.json");

    public static CameraRig DefaultRig => Rig.Value;

    public static HighwayScenario DefaultScenario => Scenario.Value;

    private static string FindRepositoryRoot() =>
        FindAbove(AppContext.BaseDirectory) ?? FindAbove(Path.GetDirectoryName(ThisSourceFile())!)
        ?? throw new InvalidOperationException($"no folder holding Runtime.sln above {AppContext.BaseDirectory} or {ThisSourceFile()}");

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

using System.Runtime.CompilerServices;

namespace Octopilot.Vehicle.Can.Tests.Infrastructure;

/// <summary>
/// The real test material in <c>../shared/data</c> beside the checkout (the comma2k19 RAV4 minute and the opendbc
/// Toyota DBCs; never copied into the repo). Tests that need it fail, naming the folder looked for, when it is absent:
/// a fresh clone must see that these checks did not run, never a silent pass. <c>OCTOPILOT_SHARED_DATA</c> overrides
/// the location. (The same rule as Octopilot.Core.Tests' SharedData, which is internal to that project.)
/// </summary>
internal static class SharedData
{
    public const string EnvironmentVariable = "OCTOPILOT_SHARED_DATA";

    /// <summary>The shared/data folder this checkout should use (it may not exist).</summary>
    public static string Root { get; } = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment
        ? Path.GetFullPath(fromEnvironment)
        : Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data"));

    /// <summary>A file inside one data set; throws naming the path when the set or the file is absent.</summary>
    public static string File(string dataSet, string relativePath)
    {
        string path = Path.Combine(Require(Root, dataSet), relativePath);
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"shared test data file is absent: looked for {path}", path);
        }

        return path;
    }

    /// <summary>The lookup itself, separate so the missing-folder message can be tested against a made-up root.</summary>
    public static string Require(string root, string dataSet)
    {
        string folder = Path.Combine(root, dataSet);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"shared test data folder is absent: looked for {folder} (expected ../shared/data beside the checkout, " +
                $"or set {EnvironmentVariable}). The real-car CAN checks (RAV4 minute, Toyota DBCs) have NOT run.");
        }

        return folder;
    }

    /// <summary>The checkout root, found from this source file's path (test binaries may be built outside the tree).</summary>
    private static string RepositoryRoot([CallerFilePath] string thisFile = "")
    {
        DirectoryInfo? directory = new FileInfo(thisFile).Directory;
        while (directory is not null && !System.IO.File.Exists(Path.Combine(directory.FullName, "global.json")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException($"no global.json above {thisFile}: cannot find the checkout root");
    }
}

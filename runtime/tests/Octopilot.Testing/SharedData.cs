namespace Octopilot.Testing;

/// <summary>
/// The real test material in <c>../shared/data</c> beside the checkout (nuScenes, KITTI, Argoverse calibrations, the
/// comma2k19 RAV4 CAN minute, the opendbc Toyota DBCs: partly non-commercial licences, so never copied into the repo).
/// Tests that need it fail, naming the folder looked for, when it is absent: a fresh clone must see that these checks
/// did not run, never a silent pass. <c>OCTOPILOT_SHARED_DATA</c> overrides the location.
/// </summary>
public static class SharedData
{
    public const string EnvironmentVariable = "OCTOPILOT_SHARED_DATA";

    /// <summary>The shared/data folder this checkout should use (it may not exist).</summary>
    public static string Root { get; } = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment
        ? Path.GetFullPath(fromEnvironment)
        : Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "data"));

    /// <summary>The folder of one data set, e.g. <c>"nuscenes-mini-sample"</c>; throws naming the path when absent.</summary>
    public static string Folder(string dataSet) => Require(Root, dataSet);

    /// <summary>A file inside one data set; throws naming the path when the set or the file is absent.</summary>
    public static string File(string dataSet, string relativePath)
    {
        string path = Path.Combine(Folder(dataSet), relativePath);
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
                $"or set {EnvironmentVariable}). The tests that read this real data set (it is never copied into the repo) " +
                "have NOT run.");
        }

        return folder;
    }
}

using Octopilot.Testing;

namespace Octopilot.Planner.Simulation.Tests.Infrastructure;

/// <summary>Where the shipped scenarios live, and the suite as xunit theory data (one case per file name).</summary>
internal static class Suite
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "planner", "scenarios");

    public static string PathOf(string fileName) => Path.Combine(Folder, fileName);

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Folder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }
}

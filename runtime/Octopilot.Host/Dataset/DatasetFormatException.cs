namespace Octopilot.Host.Dataset;

/// <summary>
/// A dataset folder that breaks <c>octopilot-dataset/1</c>: <see cref="FilePath"/> names the offending file and the
/// message the broken rule, as <c>path: rule</c> (the same shape as the Python loader's <c>DatasetError</c>). Exit code 2.
/// </summary>
internal sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string filePath, string rule)
        : base($"{filePath}: {rule}")
    {
        FilePath = filePath;
        Rule = rule;
    }

    public DatasetFormatException(string filePath, string rule, Exception innerException)
        : base($"{filePath}: {rule}", innerException)
    {
        FilePath = filePath;
        Rule = rule;
    }

    public string FilePath { get; }

    public string Rule { get; }
}

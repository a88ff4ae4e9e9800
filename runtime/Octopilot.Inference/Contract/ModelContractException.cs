namespace Octopilot.Inference.Contract;

/// <summary>
/// A model file breaks HydraNet contract v1. The message names the file and every broken rule with the actual value
/// and the fix, so one run tells the exporter everything. Hosts map it to exit code 2 (refuse to start).
/// </summary>
public sealed class ModelContractException : Exception
{
    public ModelContractException(ContractReport report)
        : base(Format(report))
    {
        ModelPath = report.ModelPath;
        Failures = report.Failures;
    }

    public ModelContractException()
        : this("model breaks HydraNet contract v1")
    {
    }

    public ModelContractException(string message)
        : base(message)
    {
        ModelPath = string.Empty;
        Failures = [];
    }

    public ModelContractException(string message, Exception innerException)
        : base(message, innerException)
    {
        ModelPath = string.Empty;
        Failures = [];
    }

    public string ModelPath { get; }

    /// <summary>Every rule the model broke, in check order.</summary>
    public IReadOnlyList<ContractCheck> Failures { get; }

    private static string Format(ContractReport report)
    {
        IReadOnlyList<ContractCheck> failures = report.Failures;
        var text = new System.Text.StringBuilder();
        text.Append($"{report.ModelPath}: breaks HydraNet contract v{ModelContract.SupportedContractVersion} ({failures.Count} rule{(failures.Count == 1 ? "" : "s")}):");
        foreach (ContractCheck failure in failures)
        {
            text.Append($"{Environment.NewLine}  [{failure.RuleId}] {failure.Message}");
        }

        return text.ToString();
    }
}

using Octopilot.Inference.Contract;

namespace Octopilot.Host.Cli;

/// <summary>The text layout of `octopilot model inspect`: one section per part of the model, rules last.</summary>
internal static class ModelReportWriter
{
    public static void WriteInspection(TextWriter output, ContractReport report)
    {
        ModelSignature model = report.Signature;
        output.WriteLine($"Model: {report.ModelPath}");
        output.WriteLine($"  producer '{model.ProducerName}', graph '{model.GraphName}'");

        WriteTensors(output, "Inputs", model.Inputs);
        WriteTensors(output, "Outputs", model.Outputs);

        output.WriteLine($"Metadata ({model.Metadata.Count}):");
        foreach ((string key, string value) in model.Metadata)
        {
            output.WriteLine($"  {key} = {value}");
        }

        output.WriteLine($"HydraNet contract v{ModelContract.SupportedContractVersion} rules:");
        int idWidth = report.Checks.Max(c => c.RuleId.Length);
        foreach (ContractCheck check in report.Checks)
        {
            output.WriteLine($"  {OutcomeText(check.Outcome)} {check.RuleId.PadRight(idWidth)}  {check.Message}");
        }

        output.WriteLine(report.Contract is ModelContract contract
            ? $"Result: satisfies HydraNet contract v{contract.ContractVersion} ({contract.Summary})"
            : $"Result: breaks HydraNet contract v{ModelContract.SupportedContractVersion}: {report.Failures.Count} rule(s) failed ({string.Join(", ", report.Failures.Select(f => f.RuleId))})");
    }

    private static void WriteTensors(TextWriter output, string title, IReadOnlyList<TensorSignature> tensors)
    {
        output.WriteLine($"{title} ({tensors.Count}):");
        int nameWidth = tensors.Count == 0 ? 0 : tensors.Max(t => t.Name.Length);
        foreach (TensorSignature tensor in tensors)
        {
            output.WriteLine($"  {tensor.Name.PadRight(nameWidth)}  {tensor.ElementTypeName} {tensor.ShapeText}");
        }
    }

    private static string OutcomeText(ContractCheckOutcome outcome) => outcome switch
    {
        ContractCheckOutcome.Passed => "PASS",
        ContractCheckOutcome.Failed => "FAIL",
        _ => "SKIP",
    };
}

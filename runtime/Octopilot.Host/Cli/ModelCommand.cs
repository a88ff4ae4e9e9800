using System.CommandLine;
using Octopilot.Inference.Contract;

namespace Octopilot.Host.Cli;

/// <summary>
/// `octopilot model inspect FILE` and `octopilot model validate FILE`: an ONNX file against HydraNet contract v1
/// (onnx/CONTRACT.md). Both open the model on CPU without optimisation; neither runs it. `octopilot model evaluate`
/// (<see cref="ModelEvaluateCommand"/>) runs it on a dataset.
/// </summary>
internal static class ModelCommand
{
    public static Command Build(TextWriter output, TextWriter error) =>
        new("model", "Check an ONNX model file against the HydraNet contract, or measure it on a dataset")
        {
            BuildInspect(output, error),
            BuildValidate(output, error),
            ModelEvaluateCommand.Build(output, error),
        };

    private static Command BuildInspect(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "ONNX model file" };
        var command = new Command("inspect", "Print inputs, outputs, metadata and every contract rule with PASS/FAIL (exit 0 when the file could be read, even if rules fail)")
        {
            file,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            if (!TryCheck(path, "inspect", error, out ContractReport? report))
            {
                return ExitCodes.ConfigurationError;
            }

            ModelReportWriter.WriteInspection(output, report);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildValidate(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "ONNX model file" };
        var command = new Command("validate", "Exit 0 with one OK line if the model satisfies the contract, else name each broken rule and exit 2")
        {
            file,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            if (!TryCheck(path, "validate", error, out ContractReport? report))
            {
                return ExitCodes.ConfigurationError;
            }

            if (report.Contract is ModelContract contract)
            {
                output.WriteLine($"OK: {path} satisfies HydraNet contract v{contract.ContractVersion} ({contract.Summary})");
                return ExitCodes.Ok;
            }

            error.WriteLine($"octopilot model validate: {new ModelContractException(report).Message}");
            return ExitCodes.ConfigurationError;
        });
        return command;
    }

    /// <summary>Opens and checks the file; an unreadable file is reported on <paramref name="error"/> and gives false.</summary>
    private static bool TryCheck(string path, string verb, TextWriter error, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ContractReport? report)
    {
        try
        {
            report = ModelContractValidator.CheckFile(path);
            return true;
        }
        catch (ModelLoadException e)
        {
            error.WriteLine($"octopilot model {verb}: {e.Message}");
            report = null;
            return false;
        }
    }
}

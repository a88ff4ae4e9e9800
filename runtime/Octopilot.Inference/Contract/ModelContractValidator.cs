using Microsoft.ML.OnnxRuntime;

namespace Octopilot.Inference.Contract;

/// <summary>
/// Checks a model against every rule of HydraNet contract v1 (onnx/CONTRACT.md). <c>Check*</c> report each rule
/// (for `octopilot model inspect`); <c>Validate*</c> return the <see cref="ModelContract"/> or throw a
/// <see cref="ModelContractException"/> that names the file and lists every broken rule. Start-up only; allocates.
/// </summary>
public static class ModelContractValidator
{
    /// <summary>Checks an open session. <paramref name="modelPath"/> is only used in messages.</summary>
    public static ContractReport Check(string modelPath, InferenceSession session) => Check(modelPath, ModelSignature.Read(session));

    /// <summary>Checks a signature snapshot (what <see cref="ModelSignature.Read"/> returns, or one built by a test).</summary>
    public static ContractReport Check(string modelPath, ModelSignature signature)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        ArgumentNullException.ThrowIfNull(signature);
        return new ContractRules(modelPath, signature).Run();
    }

    /// <summary>The contract of an open session, or <see cref="ModelContractException"/> listing every broken rule.</summary>
    public static ModelContract Validate(string modelPath, InferenceSession session) => Check(modelPath, session).ThrowIfBroken();

    /// <summary>Opens the file for inspection (<see cref="ModelFile.OpenForInspection"/>), checks it and closes it.</summary>
    /// <exception cref="ModelLoadException">The file is missing, unreadable or not a loadable ONNX model.</exception>
    public static ContractReport CheckFile(string modelPath)
    {
        using InferenceSession session = ModelFile.OpenForInspection(modelPath);
        return Check(modelPath, session);
    }

    /// <summary>Opens, checks and closes the file; returns its contract or throws.</summary>
    /// <exception cref="ModelLoadException">The file is missing, unreadable or not a loadable ONNX model.</exception>
    /// <exception cref="ModelContractException">The model breaks one or more rules.</exception>
    public static ModelContract ValidateFile(string modelPath) => CheckFile(modelPath).ThrowIfBroken();
}

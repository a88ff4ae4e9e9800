namespace Octopilot.Inference.Contract;

/// <summary>
/// The verdict of every HydraNet contract rule on one model file, in check order. <see cref="Contract"/> is set
/// exactly when no rule failed. Made by <see cref="ModelContractValidator"/>.
/// </summary>
public sealed class ContractReport
{
    public ContractReport(string modelPath, ModelSignature signature, IReadOnlyList<ContractCheck> checks, ModelContract? contract)
    {
        ModelPath = modelPath;
        Signature = signature;
        Checks = checks.ToArray();
        Failures = Checks.Where(c => c.Failed).ToArray();
        if ((contract is null) == (Failures.Count == 0))
        {
            throw new ArgumentException($"a contract is given exactly when no rule failed ({Failures.Count} failed, contract {(contract is null ? "absent" : "given")})", nameof(contract));
        }

        Contract = contract;
    }

    /// <summary>The file the report is about, as given by the caller (used in every message).</summary>
    public string ModelPath { get; }

    public ModelSignature Signature { get; }

    /// <summary>One entry per rule, in <see cref="ContractRuleIds"/> order.</summary>
    public IReadOnlyList<ContractCheck> Checks { get; }

    public IReadOnlyList<ContractCheck> Failures { get; }

    public bool IsSatisfied => Failures.Count == 0;

    /// <summary>What the model promises; null when any rule failed.</summary>
    public ModelContract? Contract { get; }

    /// <summary>The check of one rule (each rule has exactly one entry).</summary>
    public ContractCheck this[string ruleId] => Checks.FirstOrDefault(c => c.RuleId == ruleId)
        ?? throw new KeyNotFoundException($"no contract rule '{ruleId}' (rules: {string.Join(", ", Checks.Select(c => c.RuleId))})");

    /// <summary>The contract, or a <see cref="ModelContractException"/> naming the file and every broken rule.</summary>
    public ModelContract ThrowIfBroken() => Contract ?? throw new ModelContractException(this);
}

namespace Octopilot.Inference.Contract;

/// <summary>
/// The result of one contract rule on one model: the rule as a sentence, what the model has, and (when it failed)
/// how to fix the export. <see cref="Message"/> puts them together for people.
/// </summary>
public sealed class ContractCheck
{
    public ContractCheck(string ruleId, ContractCheckOutcome outcome, string rule, string actual, string? fix = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleId);
        ArgumentException.ThrowIfNullOrEmpty(rule);
        RuleId = ruleId;
        Outcome = outcome;
        Rule = rule;
        Actual = actual;
        Fix = fix;
    }

    /// <summary>One of <see cref="ContractRuleIds"/>.</summary>
    public string RuleId { get; }

    public ContractCheckOutcome Outcome { get; }

    public bool Passed => Outcome == ContractCheckOutcome.Passed;

    public bool Failed => Outcome == ContractCheckOutcome.Failed;

    /// <summary>The rule, stated as what a valid model has.</summary>
    public string Rule { get; }

    /// <summary>What this model has (or, when skipped, why the rule was not checked).</summary>
    public string Actual { get; }

    /// <summary>How to fix the model; set on failures.</summary>
    public string? Fix { get; }

    /// <summary>"rule (got actual); fix: ..." on one line.</summary>
    public string Message => Outcome switch
    {
        ContractCheckOutcome.Failed when Fix is not null => $"{Rule} (got {Actual}); fix: {Fix}",
        ContractCheckOutcome.Skipped => $"{Rule} (not checked: {Actual})",
        _ => $"{Rule} (got {Actual})",
    };

    public override string ToString() => $"{Outcome switch { ContractCheckOutcome.Passed => "PASS", ContractCheckOutcome.Failed => "FAIL", _ => "SKIP" }} {RuleId}: {Message}";
}

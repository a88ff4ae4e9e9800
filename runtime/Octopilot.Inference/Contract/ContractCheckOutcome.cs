namespace Octopilot.Inference.Contract;

/// <summary>What one contract rule concluded about a model file.</summary>
public enum ContractCheckOutcome
{
    /// <summary>The model satisfies the rule.</summary>
    Passed,

    /// <summary>The model breaks the rule; the model is refused.</summary>
    Failed,

    /// <summary>
    /// Not checked: the head it is about is absent (allowed), or it needs a value that another rule already
    /// failed on (reported there, so one mistake is not counted twice).
    /// </summary>
    Skipped,
}

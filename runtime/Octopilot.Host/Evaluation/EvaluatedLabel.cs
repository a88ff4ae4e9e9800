namespace Octopilot.Host.Evaluation;

/// <summary>
/// One object label as the object counts see it: whether it is evaluable (else an "ignore" label: too little of it
/// visible to ask a detector for it) and the horizontal range of its ground centre, metres.
/// </summary>
internal readonly record struct EvaluatedLabel(bool Evaluable, double RangeM);

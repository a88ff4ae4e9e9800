using Octopilot.Planner.Outputs;

namespace Octopilot.Planner.Faults;

/// <summary>
/// Which rule an input broke, on which field, with which value. Allocation-free (the field name is a literal), so the
/// step can keep the last one; turn it into a sentence with <see cref="InputValidator.Describe"/> off the hot path.
/// </summary>
/// <param name="ObjectIndex">Index into the object list for object faults, else −1.</param>
public readonly record struct InputFaultDetail(InputFault Fault, string Field, double Value, int ObjectIndex)
{
    public static InputFaultDetail None => new(InputFault.None, "", 0, -1);
}

namespace Octopilot.Vehicle.Can.Mapping;

/// <summary>A DBC signal named as the DBC names it: message name and signal name, e.g. <c>PCM_CRUISE_2.SET_SPEED</c>.</summary>
public sealed record SignalRef(string Message, string Signal)
{
    public override string ToString() => $"{Message}.{Signal}";
}

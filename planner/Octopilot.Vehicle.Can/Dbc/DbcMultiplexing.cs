namespace Octopilot.Vehicle.Can.Dbc;

/// <summary>A signal's role in simple multiplexing (the <c>M</c> / <c>mN</c> marker after its name).</summary>
public enum DbcMultiplexing : byte
{
    /// <summary>Always present.</summary>
    None = 0,

    /// <summary><c>M</c>: its value selects which multiplexed signals are present.</summary>
    Multiplexor = 1,

    /// <summary><c>mN</c>: present only when the multiplexor equals <see cref="DbcSignal.MultiplexValue"/>.</summary>
    Multiplexed = 2,
}

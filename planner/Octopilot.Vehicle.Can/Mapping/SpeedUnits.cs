namespace Octopilot.Vehicle.Can.Mapping;

/// <summary>DBC speed units to m/s. The DBC's unit string decides, so a km/h signal can never be read as m/s.</summary>
internal static class SpeedUnits
{
    public const double KphToMps = 1 / 3.6;

    /// <summary>International mile (1609.344 m) per hour.</summary>
    public const double MphToMps = 0.44704;

    public static bool TryToMpsFactor(string unit, out double factor)
    {
        factor = unit.Trim().ToLowerInvariant() switch
        {
            "km/h" or "kph" or "kmh" => KphToMps,
            "m/s" => 1.0,
            "mph" => MphToMps,
            _ => double.NaN,
        };
        return !double.IsNaN(factor);
    }
}

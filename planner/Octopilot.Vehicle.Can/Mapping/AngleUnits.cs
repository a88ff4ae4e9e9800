namespace Octopilot.Vehicle.Can.Mapping;

/// <summary>DBC angle units to degrees. The DBC's unit string decides, so a radian signal can never be read as degrees.</summary>
internal static class AngleUnits
{
    public static bool TryToDegFactor(string unit, out double factor)
    {
        factor = unit.Trim().ToLowerInvariant() switch
        {
            "deg" or "°" or "degree" or "degrees" => 1.0,
            "rad" => 180 / Math.PI,
            _ => double.NaN,
        };
        return !double.IsNaN(factor);
    }
}

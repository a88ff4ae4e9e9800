namespace Octopilot.Host.Dataset;

/// <summary>
/// A kind of vehicle the scene generator draws, with uniform size ranges in metres and its share of the traffic.
/// Sizes follow common EU/US dimensions: saloon about 4.7 x 1.8 x 1.45 m, articulated truck up to 16.5 x 2.55 x 4 m.
/// </summary>
/// <param name="Name">Kind, written to the manifest.</param>
/// <param name="Weight">Relative frequency in traffic.</param>
internal sealed record VehicleClass(
    string Name, double Weight, double MinLengthM, double MaxLengthM, double MinWidthM, double MaxWidthM, double MinHeightM, double MaxHeightM)
{
    /// <summary>The traffic mix: the table every scene draws from.</summary>
    public static IReadOnlyList<VehicleClass> Mix { get; } =
    [
        new("car", 0.50, 3.8, 4.9, 1.70, 1.90, 1.35, 1.55),
        new("suv", 0.22, 4.4, 5.1, 1.85, 2.00, 1.60, 1.85),
        new("van", 0.12, 4.9, 6.0, 1.90, 2.05, 1.90, 2.60),
        new("truck", 0.12, 9.0, 16.5, 2.45, 2.55, 3.20, 4.00),
        new("bus", 0.04, 11.0, 13.5, 2.50, 2.55, 3.00, 3.60),
    ];
}

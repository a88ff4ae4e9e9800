using System.Globalization;

namespace Octopilot.Fusion.Bev;

/// <summary>
/// The bird's-eye-view grid in the ego frame (ISO 8855: x forward, y left, origin on the ground under the rear axle):
/// its extent, its cell size, and how far a camera is trusted. Immutable; <see cref="Validate"/> runs once when the
/// lookup table is built. Cells are numbered x-major: cell = ix·<see cref="CellsY"/> + iy, ix counting forward from
/// <see cref="XMinM"/>, iy counting leftward from <see cref="YMinM"/>; cell (ix, iy) has its centre at
/// (XMinM + (ix + ½)·CellSizeM, YMinM + (iy + ½)·CellSizeM).
/// </summary>
public sealed record BevGridOptions
{
    /// <summary>Rear edge, m. 50 m behind the rear axle: a vehicle closing at 10 m/s relative is seen 5 s before it is alongside.</summary>
    public const double DefaultXMinM = -50.0;

    /// <summary>Front edge, m. 100 m ahead: ACC at 30 m/s with a 2 s gap needs 60 m, plus margin to see the lead's lead.</summary>
    public const double DefaultXMaxM = 100.0;

    /// <summary>Right edge, m. 20 m covers the ego lane and two lanes either side at 3.5–3.75 m (motorway lane width).</summary>
    public const double DefaultYMinM = -20.0;

    /// <summary>Left edge, m (see <see cref="DefaultYMinM"/>).</summary>
    public const double DefaultYMaxM = 20.0;

    /// <summary>Cell side, m: a lane marking is 0.15–0.30 m wide, so a marking touches one or two cells.</summary>
    public const double DefaultCellSizeM = 0.25;

    /// <summary>
    /// Ground range beyond which a camera is not looked up, m. Above the default grid's farthest cell (about 102 m), so it
    /// only bites on larger grids: at 120 m one row of a 96x72 map from a 1.35 m high main camera spans about 100 m of road.
    /// </summary>
    public const double DefaultMaxCameraRangeM = 120.0;

    /// <summary>Most cells one grid may hold (16 M: 4 × 16 M × 4 B = 256 MB of layers is already far past a sensible grid).</summary>
    public const int MaxCells = 16 * 1024 * 1024;

    public double XMinM { get; init; } = DefaultXMinM;

    public double XMaxM { get; init; } = DefaultXMaxM;

    public double YMinM { get; init; } = DefaultYMinM;

    public double YMaxM { get; init; } = DefaultYMaxM;

    public double CellSizeM { get; init; } = DefaultCellSizeM;

    public double MaxCameraRangeM { get; init; } = DefaultMaxCameraRangeM;

    /// <summary>Cells along x (forward); the extent divided by the cell size (validated to divide exactly).</summary>
    public int CellsX => (int)Math.Round((XMaxM - XMinM) / CellSizeM);

    /// <summary>Cells along y (leftward).</summary>
    public int CellsY => (int)Math.Round((YMaxM - YMinM) / CellSizeM);

    public int CellCount => CellsX * CellsY;

    public double CellCentreXM(int ix) => XMinM + ((ix + 0.5) * CellSizeM);

    public double CellCentreYM(int iy) => YMinM + ((iy + 0.5) * CellSizeM);

    /// <summary>The cell holding the ground point (x, y), or false when it lies outside the grid.</summary>
    public bool TryGetCell(double xM, double yM, out int cell)
    {
        int ix = (int)Math.Floor((xM - XMinM) / CellSizeM);
        int iy = (int)Math.Floor((yM - YMinM) / CellSizeM);
        if (ix < 0 || iy < 0 || ix >= CellsX || iy >= CellsY)
        {
            cell = -1;
            return false;
        }

        cell = (ix * CellsY) + iy;
        return true;
    }

    /// <summary>Checks every rule; throws <see cref="ArgumentException"/> naming the rule and the values.</summary>
    public void Validate()
    {
        Require(double.IsFinite(XMinM) && double.IsFinite(XMaxM) && XMinM < XMaxM, "x extent must be finite with XMinM < XMaxM", $"[{XMinM}, {XMaxM}]");
        Require(double.IsFinite(YMinM) && double.IsFinite(YMaxM) && YMinM < YMaxM, "y extent must be finite with YMinM < YMaxM", $"[{YMinM}, {YMaxM}]");
        Require(CellSizeM is >= 0.01 and <= 10.0, "cell size must be in [0.01, 10] m", Fmt(CellSizeM));
        Require(DividesExactly(XMaxM - XMinM), "x extent must be a whole number of cells", $"{Fmt(XMaxM - XMinM)} m / {Fmt(CellSizeM)} m");
        Require(DividesExactly(YMaxM - YMinM), "y extent must be a whole number of cells", $"{Fmt(YMaxM - YMinM)} m / {Fmt(CellSizeM)} m");
        Require((long)CellsX * CellsY <= MaxCells, $"grid must hold at most {MaxCells} cells", $"{CellsX} x {CellsY}");
        Require(MaxCameraRangeM > 0 && double.IsFinite(MaxCameraRangeM), "max camera range must be a positive finite distance", Fmt(MaxCameraRangeM));
    }

    private bool DividesExactly(double extentM)
    {
        double cells = extentM / CellSizeM;
        return Math.Abs(cells - Math.Round(cells)) < 1e-6 && Math.Round(cells) >= 1;
    }

    private static void Require(bool rule, string message, string actual)
    {
        if (!rule)
        {
            throw new ArgumentException($"BEV grid: {message} (got {actual})");
        }
    }

    private static string Fmt(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

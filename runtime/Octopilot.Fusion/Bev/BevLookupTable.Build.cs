using System.Globalization;
using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;

namespace Octopilot.Fusion.Bev;

/// <summary>Start-up construction of the table: one flat-ground projection per cell and camera.</summary>
public sealed partial class BevLookupTable
{
    /// <summary>
    /// Weight of a source at the image corner relative to the image centre. Lens distortion, vignetting and the network's
    /// receptive field running off the image all make the border less trustworthy; halving is a mild preference that
    /// still lets a far better ground resolution win.
    /// </summary>
    public const double CornerWeightFactor = 0.5;

    /// <summary>
    /// Builds the table. <paramref name="rig"/> must already be scaled to the capture size
    /// (<see cref="CameraRig.ScaledTo"/>), whose whole cells of the stride the maps are (capture / stride rounded down); the model's maps are
    /// <paramref name="mapWidth"/> x <paramref name="mapHeight"/> at <paramref name="stridePx"/> (ModelContract).
    /// Map pixel (row, column) covers capture pixels [row·S, row·S + S) x [column·S, column·S + S), pixel centres at integers.
    /// Throws <see cref="ArgumentException"/> for a grid or sizes that break a rule; a camera that sees no ground is a
    /// warning in <see cref="Warnings"/>, not an error (the others still fill the grid). Takes tens of ms for the default grid.
    /// </summary>
    public static BevLookupTable Build(CameraRig rig, BevGridOptions grid, int mapWidth, int mapHeight, int stridePx)
    {
        grid.Validate();
        ValidateSizes(rig, mapWidth, mapHeight, stridePx);
        return new BevLookupTable(rig, grid, mapWidth, mapHeight, stridePx);
    }

    private BevLookupTable(CameraRig rig, BevGridOptions grid, int mapWidth, int mapHeight, int stridePx)
    {
        Grid = grid;
        CameraCount = rig.Count;
        MapWidth = mapWidth;
        MapHeight = mapHeight;
        StridePx = stridePx;
        int cells = grid.CellCount;
        _camera0 = new byte[cells];
        _camera1 = new byte[cells];
        _source0 = new int[cells];
        _source1 = new int[cells];
        _weight0 = new float[cells];
        _weight1 = new float[cells];
        _covered = new bool[cells];
        _seenCellsPerCamera = new int[rig.Count];
        _usedCellsPerCamera = new int[rig.Count];

        double maxRangeSquaredM2 = grid.MaxCameraRangeM * grid.MaxCameraRangeM;
        int uncovered = 0;
        int overlap = 0;
        for (int ix = 0; ix < grid.CellsX; ix++)
        {
            double xM = grid.CellCentreXM(ix);
            for (int iy = 0; iy < grid.CellsY; iy++)
            {
                var ground = new Vec3(xM, grid.CellCentreYM(iy), 0);
                var best = Candidate.None;
                var second = Candidate.None;
                for (int camera = 0; camera < rig.Count; camera++)
                {
                    if (!TryLookUp(rig[camera], ground, grid.CellSizeM, maxRangeSquaredM2, out int pixel, out double weight))
                    {
                        continue;
                    }

                    _seenCellsPerCamera[camera]++;
                    var candidate = new Candidate(camera, pixel, weight);
                    if (weight > best.Weight)
                    {
                        second = best;
                        best = candidate;
                    }
                    else if (weight > second.Weight)
                    {
                        second = candidate;
                    }
                }

                int cell = (ix * grid.CellsY) + iy;
                Store(cell, best, second, ref uncovered, ref overlap);
            }
        }

        UncoveredCellCount = uncovered;
        for (int camera = 0; camera < rig.Count; camera++)
        {
            UsedCameraMask |= _usedCellsPerCamera[camera] > 0 ? 1u << camera : 0u;
        }

        OverlapCellCount = overlap;
        Warnings = CollectWarnings(rig, grid);
    }

    private void Store(int cell, Candidate best, Candidate second, ref int uncovered, ref int overlap)
    {
        _camera0[cell] = _camera1[cell] = NoCamera;
        if (best.Camera < 0)
        {
            uncovered++;
            return;
        }

        _covered[cell] = true;
        _camera0[cell] = (byte)best.Camera;
        _source0[cell] = _source1[cell] = (best.Camera * MapLength) + best.Pixel;
        _usedCellsPerCamera[best.Camera]++;
        _weight0[cell] = 1f;
        if (second.Camera >= 0)
        {
            _camera1[cell] = (byte)second.Camera;
            _source1[cell] = (second.Camera * MapLength) + second.Pixel;
            _usedCellsPerCamera[second.Camera]++;
            _weight0[cell] = (float)(best.Weight / (best.Weight + second.Weight));
            _weight1[cell] = 1f - _weight0[cell];
            overlap++;
        }
    }

    /// <summary>
    /// Projects a ground cell centre into one camera. On success gives the map pixel and the source's weight: the cell's
    /// side length in capture pixels (finer ground resolution: more of the head's evidence about this cell) scaled down
    /// towards the image corners (<see cref="CornerWeightFactor"/>).
    /// </summary>
    private bool TryLookUp(CameraCalibration camera, Vec3 groundEgoM, double cellSizeM, double maxRangeSquaredM2, out int pixel, out double weight)
    {
        pixel = -1;
        weight = 0;
        Vec3 fromCamera = groundEgoM - camera.PositionInEgoM;
        if ((fromCamera.X * fromCamera.X) + (fromCamera.Y * fromCamera.Y) > maxRangeSquaredM2)
        {
            return false;
        }

        Vec3 inCamera = camera.EgoToCamera.Apply(groundEgoM);
        if (!camera.TryProjectCameraPoint(inCamera, out double uPx, out double vPx) || !InsideValidLensRadius(camera.Intrinsics.Distortion, inCamera))
        {
            return false;
        }

        int column = (int)Math.Floor((uPx + 0.5) / StridePx);
        int row = (int)Math.Floor((vPx + 0.5) / StridePx);
        if (uPx < -0.5 || vPx < -0.5 || column >= MapWidth || row >= MapHeight)
        {
            return false;
        }

        pixel = (row * MapWidth) + column;
        weight = CellSidePx(camera, groundEgoM, cellSizeM, uPx, vPx) * CentreFactor(camera.Intrinsics, uPx, vPx);
        return true;
    }

    /// <summary>
    /// A polynomial lens model folds back beyond the radius where its distorted radius stops growing: a point far outside
    /// the field of view would then land inside the image. Accept a point only where the radius still grows.
    /// </summary>
    private static bool InsideValidLensRadius(LensDistortion distortion, Vec3 inCamera)
    {
        if (distortion.IsZero)
        {
            return true;
        }

        double x = inCamera.X / inCamera.Z;
        double y = inCamera.Y / inCamera.Z;
        (double xd, double yd) = distortion.Distort(x, y);
        (double xd2, double yd2) = distortion.Distort(x * 1.01, y * 1.01);
        return (x == 0 && y == 0) || ((xd2 * xd2) + (yd2 * yd2)) > ((xd * xd) + (yd * yd));
    }

    /// <summary>Square root of the cell's projected area, in capture pixels (from the projection's local Jacobian).</summary>
    private static double CellSidePx(CameraCalibration camera, Vec3 groundEgoM, double cellSizeM, double uPx, double vPx)
    {
        if (!camera.TryProjectEgoPoint(groundEgoM + new Vec3(cellSizeM, 0, 0), out double uX, out double vX)
            || !camera.TryProjectEgoPoint(groundEgoM + new Vec3(0, cellSizeM, 0), out double uY, out double vY))
        {
            // The neighbour is behind the camera: the cell is at the very edge of what it sees. Keep it, ranked last.
            return 1e-6;
        }

        double areaPx2 = Math.Abs(((uX - uPx) * (vY - vPx)) - ((uY - uPx) * (vX - vPx)));
        return Math.Sqrt(areaPx2);
    }

    private static double CentreFactor(CameraIntrinsics intrinsics, double uPx, double vPx)
    {
        double halfWidth = intrinsics.WidthPx / 2.0;
        double halfHeight = intrinsics.HeightPx / 2.0;
        double du = uPx - (halfWidth - 0.5);
        double dv = vPx - (halfHeight - 0.5);
        double radiusSquared = Math.Min(1.0, ((du * du) + (dv * dv)) / ((halfWidth * halfWidth) + (halfHeight * halfHeight)));
        return 1.0 - ((1.0 - CornerWeightFactor) * radiusSquared);
    }

    private List<BevStartupWarning> CollectWarnings(CameraRig rig, BevGridOptions grid)
    {
        var warnings = new List<BevStartupWarning>();
        string gridText = string.Create(
            CultureInfo.InvariantCulture,
            $"x [{grid.XMinM}, {grid.XMaxM}] m, y [{grid.YMinM}, {grid.YMaxM}] m, range ≤ {grid.MaxCameraRangeM} m");
        for (int camera = 0; camera < rig.Count; camera++)
        {
            string name = rig[camera].Name;
            if (_seenCellsPerCamera[camera] == 0)
            {
                warnings.Add(new BevStartupWarning(
                    BevWarningKind.CameraSeesNoGround, camera, name,
                    $"camera '{name}' (index {camera}) sees no ground cell of the BEV grid ({gridText}) on flat ground: "
                    + $"check its pitch and mounting (position {rig[camera].PositionInEgoM} m) in the rig file; its lanes and drivable heads are not fused"));
            }
            else if (_usedCellsPerCamera[camera] == 0)
            {
                warnings.Add(new BevStartupWarning(
                    BevWarningKind.CameraNeverUsed, camera, name,
                    $"camera '{name}' (index {camera}) sees {_seenCellsPerCamera[camera]} ground cells, but two other cameras see each "
                    + "of them at a finer resolution: it never feeds the BEV grid"));
            }
        }

        return warnings;
    }

    private static void ValidateSizes(CameraRig rig, int mapWidth, int mapHeight, int stridePx)
    {
        if (rig.Count is < 1 or > MaxCameras)
        {
            throw new ArgumentException($"BEV lookup: the rig must have 1..{MaxCameras} cameras (got {rig.Count})", nameof(rig));
        }

        if (mapWidth < 1 || mapHeight < 1 || stridePx < 1)
        {
            throw new ArgumentException($"BEV lookup: map size and stride must be positive (got {mapWidth}x{mapHeight} at stride {stridePx})");
        }

        for (int camera = 0; camera < rig.Count; camera++)
        {
            CameraIntrinsics intrinsics = rig[camera].Intrinsics;
            // The maps hold the capture's whole cells (capture / stride, rounded down): 1600x900 at stride 8 is 200x112, its
            // last 4 rows in no cell. Anything else is a rig at another size than the capture.
            if (intrinsics.WidthPx / stridePx != mapWidth || intrinsics.HeightPx / stridePx != mapHeight)
            {
                throw new ArgumentException(
                    $"BEV lookup: camera '{rig[camera].Name}' is calibrated at {intrinsics.WidthPx}x{intrinsics.HeightPx} px but the maps "
                    + $"({mapWidth}x{mapHeight} at stride {stridePx}) cover {mapWidth * stridePx}x{mapHeight * stridePx} px (a capture of that size, up to {stridePx - 1} px more): "
                    + "scale the rig to the capture size (CameraRig.ScaledTo) before building the table", nameof(rig));
            }
        }
    }

    private readonly record struct Candidate(int Camera, int Pixel, double Weight)
    {
        public static Candidate None => new(-1, -1, double.NegativeInfinity);
    }
}

using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Tests.Infrastructure;

namespace Octopilot.Fusion.Tests.Bev;

/// <summary>The table against the calibration itself: same camera, same map pixel as a direct projection of the cell centre.</summary>
public class BevLookupTableProjectionTests
{
    public static TheoryData<double, double, string> GroundPoints => new()
    {
        { 20.0, 0.0, "narrow_forward" },   // ahead, in the narrow camera's field: its resolution wins
        { 60.0, 1.5, "narrow_forward" },
        { 95.0, 0.0, "narrow_forward" },
        { 8.0, -6.0, "wide_forward" },     // ahead, outside the narrow and main fields
        { 0.0, 8.0, "left_pillar" },       // beside the car
        { 0.0, -8.0, "right_pillar" },
        { -15.0, 5.0, "left_repeater" },   // behind on the left
        { -8.0, 0.0, "rear" },             // straight behind
        { -45.0, -15.0, "right_repeater" },
    };

    [Theory]
    [MemberData(nameof(GroundPoints))]
    public void Sources_MatchDirectProjectionOfCellCentre(double xM, double yM, string expectedCamera)
    {
        BevLookupTable table = DefaultRigTable.Table;
        CameraRig rig = DefaultRigTable.Rig;
        Assert.True(table.Grid.TryGetCell(xM, yM, out int cell));
        int ix = cell / table.Grid.CellsY;
        int iy = cell % table.Grid.CellsY;
        var centre = new Vec3(table.Grid.CellCentreXM(ix), table.Grid.CellCentreYM(iy), 0);

        int sources = table.SourceCount(cell);
        Assert.True(sources >= 1, $"no camera sees ({xM}, {yM})");
        var cameras = new List<string>();
        for (int slot = 0; slot < sources; slot++)
        {
            BevCellSource source = table.GetSource(cell, slot);
            CameraCalibration camera = rig[source.Camera];
            cameras.Add(camera.Name);
            Assert.True(camera.TryProjectEgoPoint(centre, out double uPx, out double vPx));
            int column = (int)Math.Floor((uPx + 0.5) / DefaultRigTable.StridePx);
            int row = (int)Math.Floor((vPx + 0.5) / DefaultRigTable.StridePx);
            Assert.InRange(column, 0, DefaultRigTable.MapWidth - 1);
            Assert.InRange(row, 0, DefaultRigTable.MapHeight - 1);
            Assert.Equal((row * DefaultRigTable.MapWidth) + column, source.MapPixelIndex);
        }

        Assert.Contains(expectedCamera, cameras);
    }

    [Theory]
    [MemberData(nameof(GroundPoints))]
    public void Sources_AreTheBestTwoOfTheCamerasThatSeeTheCell(double xM, double yM, string expectedCamera)
    {
        _ = expectedCamera;
        BevLookupTable table = DefaultRigTable.Table;
        Assert.True(table.Grid.TryGetCell(xM, yM, out int cell));
        int ix = cell / table.Grid.CellsY;
        int iy = cell % table.Grid.CellsY;
        var centre = new Vec3(table.Grid.CellCentreXM(ix), table.Grid.CellCentreYM(iy), 0);
        int seeing = DefaultRigTable.Rig.Cameras.Count(c => SeesInMap(c, centre));

        Assert.Equal(Math.Min(seeing, BevLookupTable.MaxSourcesPerCell), table.SourceCount(cell));
        float weightSum = 0;
        for (int slot = 0; slot < table.SourceCount(cell); slot++)
        {
            BevCellSource source = table.GetSource(cell, slot);
            Assert.InRange(source.Weight, 0f, 1f);
            weightSum += source.Weight;
        }

        Assert.Equal(1f, weightSum, 5);
        if (table.SourceCount(cell) == 2)
        {
            Assert.True(table.GetSource(cell, 0).Weight >= table.GetSource(cell, 1).Weight, "slot 0 must be the better source");
        }
    }

    [Fact]
    public void CellUnderTheCar_HasNoSource()
    {
        BevLookupTable table = DefaultRigTable.Table;
        Assert.True(table.Grid.TryGetCell(1.0, 0.0, out int cell));
        Assert.Equal(0, table.SourceCount(cell));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.GetSource(cell, 0));
    }

    private static bool SeesInMap(CameraCalibration camera, Vec3 groundEgoM) =>
        camera.TryProjectEgoPoint(groundEgoM, out double uPx, out double vPx)
        && uPx >= -0.5 && vPx >= -0.5
        && (int)Math.Floor((uPx + 0.5) / DefaultRigTable.StridePx) < DefaultRigTable.MapWidth
        && (int)Math.Floor((vPx + 0.5) / DefaultRigTable.StridePx) < DefaultRigTable.MapHeight;
}

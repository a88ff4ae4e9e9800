using System.Globalization;
using Octopilot.Core.Geometry;

namespace Octopilot.Core.Tests.Infrastructure;

/// <summary>
/// One line of a KITTI object label file: type, truncation, occlusion, alpha, 2D box (left, top, right, bottom px,
/// in image_2), 3D size h, w, l (m), location x, y, z of the box's bottom centre in the rectified reference camera
/// frame (x right, y down, z forward), rotation about the camera y axis.
/// </summary>
internal sealed record KittiLabel(
    string Type, double Truncation, int Occlusion, double LeftPx, double TopPx, double RightPx, double BottomPx,
    double HeightM, double WidthM, double LengthM, Vec3 BottomCentreM, double RotationYRad)
{
    public bool IsDontCare => Type == "DontCare";

    /// <summary>Geometric centre of the 3D box: half the height above the bottom centre (camera y points down).</summary>
    public Vec3 CentreM => BottomCentreM - new Vec3(0, HeightM / 2, 0);

    /// <summary>The 8 box corners in the reference camera frame (KITTI devkit convention).</summary>
    public IEnumerable<Vec3> Corners()
    {
        double c = Math.Cos(RotationYRad), s = Math.Sin(RotationYRad);
        foreach (double dx in new[] { -LengthM / 2, LengthM / 2 })
        {
            foreach (double dz in new[] { -WidthM / 2, WidthM / 2 })
            {
                foreach (double dy in new[] { 0.0, -HeightM })
                {
                    yield return BottomCentreM + new Vec3((c * dx) + (s * dz), dy, (-s * dx) + (c * dz));
                }
            }
        }
    }

    public static IReadOnlyList<KittiLabel> Load(string path) =>
        File.ReadAllLines(path).Where(l => l.Trim().Length > 0).Select(Parse).ToArray();

    private static KittiLabel Parse(string line)
    {
        string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        double N(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        return new KittiLabel(f[0], N(1), (int)N(2), N(4), N(5), N(6), N(7), N(8), N(9), N(10), new Vec3(N(11), N(12), N(13)), N(14));
    }
}

using System.Globalization;
using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Octopilot.Core.Tests.Calibration.Importers;

/// <summary>
/// Acceptance (issue 5), forward direction on KITTI. KITTI labels have no projected centre: the 2D box is the
/// image-clipped hull of the object, so the comparable quantity is the hull of the projected 3D box. Each labelled box
/// (reference camera frame) is moved to ego through the imported <c>image_0</c> pose, its 8 corners are projected
/// through the imported <c>image_2</c> camera (ego → camera 2 → pixels), and each side of their clipped bounding box
/// must match the labelled 2D box within 1 px plus what the labels' 1 cm rounding of position and size allows
/// (f · 2 cm / nearest depth: 1.9 px at 7.4 m, 0.2 px at 60 m).
/// Exception, measured: a walking pedestrian's 3D box spans the stride (1.20 m long in 000000) while its 2D box is
/// drawn around the body, so the pedestrian's left/right sides differ by up to 9.6 px; for pedestrians only the
/// top and bottom sides (set by depth, height and the camera's height and pitch) are asserted. DontCare has no 3D box.
/// </summary>
public class KittiBoxProjectionTests(ITestOutputHelper output)
{
    private const double TolerancePx = 1.0;

    /// <summary>Worst-case rounding of a KITTI label (position and size printed to 0.01 m), summed over the terms that move a side.</summary>
    private const double LabelRoundingM = 0.02;

    public static TheoryData<string> Frames() => new("000000", "000001", "000002");

    [Theory]
    [MemberData(nameof(Frames))]
    public void TryProjectEgoPoint_LabelledBoxCorners_HullMatchesLabelled2dBox(string frame)
    {
        (CameraRig rig, IReadOnlyList<KittiLabel> labels) = KittiFrame.Load(frame);
        CameraCalibration reference = rig[rig.IndexOf("image_0")];
        CameraCalibration camera = rig[rig.IndexOf("image_2")];

        foreach (KittiLabel label in labels.Where(l => !l.IsDontCare))
        {
            double left = double.MaxValue, top = double.MaxValue, right = double.MinValue, bottom = double.MinValue, nearestM = double.MaxValue;
            foreach (Vec3 corner in label.Corners())
            {
                Vec3 cornerEgoM = reference.CameraToEgo.Apply(corner);
                Assert.True(camera.TryProjectEgoPoint(cornerEgoM, out double u, out double v));
                (left, right, top, bottom) = (Math.Min(left, u), Math.Max(right, u), Math.Min(top, v), Math.Max(bottom, v));
                nearestM = Math.Min(nearestM, camera.EgoToCamera.Apply(cornerEgoM).Z);
            }

            double maxU = camera.Intrinsics.WidthPx - 1, maxV = camera.Intrinsics.HeightPx - 1;
            double[] projected = [Math.Clamp(left, 0, maxU), Math.Clamp(top, 0, maxV), Math.Clamp(right, 0, maxU), Math.Clamp(bottom, 0, maxV)];
            double[] labelled = [label.LeftPx, label.TopPx, label.RightPx, label.BottomPx];
            double[] sideErrorPx = projected.Zip(labelled, (p, l) => Math.Abs(p - l)).ToArray();
            double tolerancePx = TolerancePx + (camera.Intrinsics.FxPx * LabelRoundingM / nearestM);
            bool pedestrian = label.Type == "Pedestrian";
            double assertedPx = pedestrian ? Math.Max(sideErrorPx[1], sideErrorPx[3]) : sideErrorPx.Max();

            output.WriteLine(FormattableString.Invariant(
                $"{frame} {label.Type,-10} z {nearestM,5:F1} m: sides L/T/R/B off by {sideErrorPx[0]:F2}/{sideErrorPx[1]:F2}/{sideErrorPx[2]:F2}/{sideErrorPx[3]:F2} px, tolerance {tolerancePx:F2} px{(pedestrian ? " (T/B asserted)" : string.Empty)}"));
            Assert.True(assertedPx <= tolerancePx,
                $"{frame} {label.Type}: projected [{string.Join(", ", projected.Select(p => p.ToString("F2", CultureInfo.InvariantCulture)))}] " +
                $"labelled [{string.Join(", ", labelled)}], worst side {assertedPx:F3} px > {tolerancePx:F2} px");
        }
    }
}

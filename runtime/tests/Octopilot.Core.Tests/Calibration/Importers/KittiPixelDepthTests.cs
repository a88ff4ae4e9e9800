using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Octopilot.Core.Tests.Calibration.Importers;

/// <summary>
/// Acceptance (issue 5), inverse direction on KITTI, through the imported <c>image_2</c> camera with the labelled
/// 3D centre put in ego through <c>image_0</c>. KITTI labels have no 2D centre, so two inputs are compared:
/// <list type="bullet">
/// <item>the projected labelled centre + its depth along camera z: what a head that predicts the projected 3D centre
/// (as nuScenes' <c>center_2d</c>) gives; must recover the centre within 2 % of range.</item>
/// <item>the labelled 2D box centre + the same depth: the box centre is not the projected 3D centre under perspective,
/// which for a large, near, oblique object is a real offset (000002 Misc: 2.06 % at 9.2 m). Measured and bounded at
/// 3 %: the 2 % acceptance holds for this input only beyond that case, which is why heads should predict the projected centre.</item>
/// </list>
/// </summary>
public class KittiPixelDepthTests(ITestOutputHelper output)
{
    private const double ToleranceFractionOfRange = 0.02;

    private const double BoxCentreToleranceFractionOfRange = 0.03;

    public static TheoryData<string> Frames() => new("000000", "000001", "000002");

    [Theory]
    [MemberData(nameof(Frames))]
    public void PixelDepthToEgo_ProjectedCentreAndDepth_RecoversLabelledCentresWithin2PercentOfRange(string frame)
    {
        double worst = Compare(frame, (camera, label, centreEgoM) =>
        {
            Assert.True(camera.TryProjectEgoPoint(centreEgoM, out double u, out double v));
            return (u, v);
        }, ToleranceFractionOfRange);

        output.WriteLine($"KITTI {frame}: projected centre + depth, worst error {worst * 100:G3} % of range");
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void PixelDepthToEgo_2dBoxCentreAndDepth_RecoversLabelledCentresWithin3PercentOfRange(string frame)
    {
        double worst = Compare(frame, (_, label, _) => ((label.LeftPx + label.RightPx) / 2, (label.TopPx + label.BottomPx) / 2),
            BoxCentreToleranceFractionOfRange);

        output.WriteLine($"KITTI {frame}: 2D box centre + depth, worst error {worst * 100:F3} % of range");
    }

    private static double Compare(string frame, Func<CameraCalibration, KittiLabel, Vec3, (double U, double V)> pixelOf, double toleranceFraction)
    {
        (CameraRig rig, IReadOnlyList<KittiLabel> labels) = KittiFrame.Load(frame);
        CameraCalibration reference = rig[rig.IndexOf("image_0")];
        CameraCalibration camera = rig[rig.IndexOf("image_2")];

        double worstFraction = 0;
        int compared = 0;
        foreach (KittiLabel label in labels.Where(l => !l.IsDontCare))
        {
            Vec3 labelledEgoM = reference.CameraToEgo.Apply(label.CentreM);
            double depthM = camera.EgoToCamera.Apply(labelledEgoM).Z;
            (double u, double v) = pixelOf(camera, label, labelledEgoM);

            Vec3 recoveredEgoM = camera.PixelDepthToEgo(u, v, depthM);

            double rangeM = (labelledEgoM - camera.PositionInEgoM).Length;
            double errorM = (recoveredEgoM - labelledEgoM).Length;
            Assert.True(errorM <= toleranceFraction * rangeM,
                $"{frame} {label.Type}: recovered {recoveredEgoM}, labelled {labelledEgoM}, error {errorM:F3} m at range {rangeM:F1} m");
            worstFraction = Math.Max(worstFraction, errorM / rangeM);
            compared++;
        }

        Assert.True(compared > 0, $"{frame}: no label to compare");
        return worstFraction;
    }
}

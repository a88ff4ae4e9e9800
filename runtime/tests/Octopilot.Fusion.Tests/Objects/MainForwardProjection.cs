using Octopilot.Core.Calibration;
using Octopilot.Fusion.Objects;
using Octopilot.Fusion.Tests.Infrastructure;
using Octopilot.Fusion.Tracking;
using Octopilot.Inference.Perception;

namespace Octopilot.Fusion.Tests.Objects;

/// <summary>One hand-made detection of main_forward (camera 0 of the default rig at 384x288) through a projector.</summary>
internal static class MainForwardProjection
{
    public const int MainForward = 0;
    public const long ReferenceNs = 1_000_000_000;

    public static readonly string[] ClassNames = ["vehicle", "pedestrian", "cyclist"];

    public static CameraRig Rig => DefaultRigTable.Rig;

    public static CameraCalibration Main => Rig[MainForward];

    /// <summary>The measurements of a set holding only <paramref name="detection"/> in main_forward.</summary>
    public static ObjectMeasurementList ProjectOne(DetectionProjector projector, Detection detection, long startOfFrameNs = ReferenceNs, double egoSpeedMps = 0)
    {
        PerceptionFrameSet set = ObjectSets.Create(Rig);
        ObjectSets.Add(set, MainForward, detection);
        set.Camera(MainForward).StartOfFrameNs = startOfFrameNs;
        var output = new ObjectMeasurementList();
        projector.Project(set, ReferenceNs, new EgoMotion(egoSpeedMps, 0), ref output);
        return output;
    }
}

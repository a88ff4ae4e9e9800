namespace Octopilot.Fusion.Tracking;

/// <summary>
/// One object detection in the ego frame (ISO 8855: x forward, y left, origin on the ground under the rear axle), already
/// lifted from a camera's ground-contact point and depth. Size and class are optional (0 = unknown) and are carried onto
/// the track, not used for association. The measurement noise is not carried: the tracker derives it from range
/// (<see cref="ObjectTrackerOptions"/>), because camera depth error grows with range and is the same for every camera here.
/// </summary>
public readonly struct ObjectMeasurement
{
    public ObjectMeasurement(double xM, double yM, double lengthM = 0, double widthM = 0, int classId = 0)
    {
        XM = xM;
        YM = yM;
        LengthM = lengthM;
        WidthM = widthM;
        ClassId = classId;
    }

    /// <summary>Footprint centre, m forward of the ego rear axle.</summary>
    public double XM { get; }

    /// <summary>Footprint centre, m left of the ego rear axle.</summary>
    public double YM { get; }

    /// <summary>Footprint length along the object's heading, m; 0 when the detector does not say.</summary>
    public double LengthM { get; }

    /// <summary>Footprint width, m; 0 when the detector does not say.</summary>
    public double WidthM { get; }

    /// <summary>Detector class index; 0 = unknown. Opaque to the tracker.</summary>
    public int ClassId { get; }

    /// <summary>Both coordinates finite; a NaN or infinite measurement is rejected and counted, never tracked.</summary>
    public bool IsFinite => double.IsFinite(XM) && double.IsFinite(YM);
}

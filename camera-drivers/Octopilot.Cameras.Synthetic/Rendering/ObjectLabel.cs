using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Core.Labels;

namespace Octopilot.Cameras.Synthetic;

/// <summary>
/// Ground truth of one object visible in a rendered frame. The box is over its visible pixels only (occluded parts and
/// parts outside the image do not count); bounds are inclusive pixel indices.
/// </summary>
/// <param name="ObjectId">Scenario id of the object (<see cref="VehicleSpec.Id"/>); also its value in the instance map.</param>
/// <param name="Class">Class of the object (<see cref="LabelClass.Vehicle"/>).</param>
/// <param name="MinUPx">Leftmost visible pixel column.</param>
/// <param name="MinVPx">Topmost visible pixel row.</param>
/// <param name="MaxUPx">Rightmost visible pixel column (inclusive).</param>
/// <param name="MaxVPx">Bottom visible pixel row (inclusive).</param>
/// <param name="VisiblePixelCount">Pixels of the class map that show this object.</param>
/// <param name="MinDepthM">Smallest camera-frame z over its visible pixels, metres.</param>
/// <param name="GroundCentreEgoM">Centre of the box's ground footprint in the ego frame (ISO 8855), metres; z = 0.</param>
/// <param name="HeadingEgoRad">Box heading relative to the ego x axis, radians, left positive.</param>
public readonly record struct ObjectLabel(
    int ObjectId,
    LabelClass Class,
    int MinUPx,
    int MinVPx,
    int MaxUPx,
    int MaxVPx,
    int VisiblePixelCount,
    float MinDepthM,
    Vec3 GroundCentreEgoM,
    double HeadingEgoRad)
{
    /// <summary>Nearer than this the footprint centre is at or behind the camera's image plane, m.</summary>
    private const double MinFootprintDepthM = 0.01;

    /// <summary>
    /// The object's depth as perception reports it and the BEV projector reads it: camera-frame z of the footprint
    /// centre (<see cref="GroundCentreEgoM"/>), or <see cref="MinDepthM"/> when that centre is not in front of the
    /// camera (a car alongside, seen by a pillar camera). Not the nearest visible z: that is half a car length short,
    /// and the projector would place the car that much nearer.
    /// </summary>
    public float FootprintDepthM(CameraCalibration camera)
    {
        double z = camera.EgoToCamera.Apply(GroundCentreEgoM).Z;
        return z > MinFootprintDepthM && double.IsFinite(z) ? (float)z : MinDepthM;
    }
}

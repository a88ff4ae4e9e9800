using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Core.Frames;

namespace Octopilot.Cameras.Synthetic;

/// <summary>
/// Ray-casts the highway world from one calibrated camera. At construction it precomputes, per pixel centre, the
/// ego-frame unit ray (<see cref="CameraCalibration.PixelToEgoRay"/>, so lens distortion is exact), its flat-ground hit
/// point and camera-frame depth, and the sky colour. A frame is then: one pass over all pixels (ground or sky,
/// road class from the ground point's road coordinates), and per vehicle a ray-box test only inside a conservative
/// screen rectangle, with a z-buffer. Labels come from the same hit tests. Floats in the inner loops, no managed
/// allocation per frame. Not thread-safe: one renderer per camera thread (the world it reads is immutable).
/// </summary>
public sealed partial class HighwayRenderer
{
    /// <summary>Ground hits are only taken for rays pointing down at least this much (unit ray z): the horizon itself is sky.</summary>
    private const double MinDownRayZ = 1e-6;

    private readonly HighwayWorld _world;
    private readonly int _pixelCount;

    // Per-pixel tables, row-major (index v·W + u). Ground data is NaN-free: sky pixels carry +∞ depth.
    private readonly float[] _rayX, _rayY, _rayZ;
    private readonly float[] _cameraZ;        // camera-frame z of the unit ray: depth = t · cameraZ
    private readonly float[] _groundX, _groundY;
    private readonly float[] _groundDepthM;   // camera z of the ground hit, +∞ for sky
    private readonly byte[] _skyRgb;

    // Per-row and per-column range of the undistorted normalised coordinates (x/z, y/z): screen rectangles of boxes.
    private readonly float[] _columnXnMin, _columnXnMax, _rowYnMin, _rowYnMax;

    private readonly float[] _depthBuffer;
    private readonly VehicleFrame[] _vehicleFrames;
    private readonly byte[] _faceRgb;         // per vehicle, per face: shaded RGB of this frame

    public HighwayRenderer(CameraCalibration calibration, HighwayWorld world)
    {
        Calibration = calibration;
        _world = world;
        WidthPx = calibration.Intrinsics.WidthPx;
        HeightPx = calibration.Intrinsics.HeightPx;
        _pixelCount = WidthPx * HeightPx;
        _rayX = new float[_pixelCount];
        _rayY = new float[_pixelCount];
        _rayZ = new float[_pixelCount];
        _cameraZ = new float[_pixelCount];
        _groundX = new float[_pixelCount];
        _groundY = new float[_pixelCount];
        _groundDepthM = new float[_pixelCount];
        _skyRgb = new byte[_pixelCount * 3];
        _columnXnMin = new float[WidthPx];
        _columnXnMax = new float[WidthPx];
        _rowYnMin = new float[HeightPx];
        _rowYnMax = new float[HeightPx];
        _depthBuffer = new float[_pixelCount];
        _vehicleFrames = new VehicleFrame[world.VehicleCount];
        _faceRgb = new byte[world.VehicleCount * FaceCount * 3];
        Vec3 origin = calibration.PositionInEgoM;
        OriginX = (float)origin.X;
        OriginY = (float)origin.Y;
        OriginZ = (float)origin.Z;
        BuildTables(origin);
    }

    public CameraCalibration Calibration { get; }

    public int WidthPx { get; }

    public int HeightPx { get; }

    /// <summary>Bytes of one RGB24 frame.</summary>
    public int FrameBytes => _pixelCount * 3;

    private float OriginX { get; }

    private float OriginY { get; }

    private float OriginZ { get; }

    /// <summary>A label buffer of this renderer's size; allocate once, reuse for every labelled render.</summary>
    public LabelBuffer CreateLabelBuffer() => new(WidthPx, HeightPx, Math.Max(1, _world.VehicleCount));

    /// <summary>
    /// Renders the world at <paramref name="simTimeNs"/> (ns since sim start) into <paramref name="destinationRgb24"/>
    /// (exactly <see cref="FrameBytes"/> bytes, packed rows) and, when <paramref name="labels"/> is given, the ground
    /// truth of the same frame. Both are borrowed for the call only. Allocates nothing.
    /// </summary>
    public void Render(long simTimeNs, Span<byte> destinationRgb24, LabelBuffer? labels = null)
    {
        if (destinationRgb24.Length != FrameBytes)
        {
            ThrowWrongLength(FrameBytes, destinationRgb24.Length, nameof(destinationRgb24));
        }

        if (labels is not null && (labels.WidthPx != WidthPx || labels.HeightPx != HeightPx))
        {
            ThrowWrongLabelSize(labels);
        }

        Pose2D ego = _world.EgoPoseAt(simTimeNs);
        RenderGround(ego, simTimeNs, destinationRgb24, labels);
        RenderVehicles(ego, simTimeNs, destinationRgb24, labels);
        if (labels is not null)
        {
            CollectObjects(labels);
            labels.SimTimeNs = simTimeNs;
        }
    }

    private void BuildTables(Vec3 origin)
    {
        Array.Fill(_columnXnMin, float.PositiveInfinity);
        Array.Fill(_columnXnMax, float.NegativeInfinity);
        Array.Fill(_rowYnMin, float.PositiveInfinity);
        Array.Fill(_rowYnMax, float.NegativeInfinity);
        Mat3 cameraToEgo = Calibration.CameraToEgo.Rotation;
        for (int v = 0; v < HeightPx; v++)
        {
            for (int u = 0; u < WidthPx; u++)
            {
                int i = (v * WidthPx) + u;
                Vec3 cameraRay = Calibration.PixelToCameraRay(u, v);
                Vec3 ray = cameraToEgo * cameraRay;
                _rayX[i] = (float)ray.X;
                _rayY[i] = (float)ray.Y;
                _rayZ[i] = (float)ray.Z;
                _cameraZ[i] = (float)cameraRay.Z;
                float xn = (float)(cameraRay.X / cameraRay.Z);
                float yn = (float)(cameraRay.Y / cameraRay.Z);
                _columnXnMin[u] = Math.Min(_columnXnMin[u], xn);
                _columnXnMax[u] = Math.Max(_columnXnMax[u], xn);
                _rowYnMin[v] = Math.Min(_rowYnMin[v], yn);
                _rowYnMax[v] = Math.Max(_rowYnMax[v], yn);
                if (ray.Z < -MinDownRayZ)
                {
                    double t = -origin.Z / ray.Z;
                    _groundX[i] = (float)(origin.X + (t * ray.X));
                    _groundY[i] = (float)(origin.Y + (t * ray.Y));
                    _groundDepthM[i] = (float)(t * cameraRay.Z);
                }
                else
                {
                    _groundDepthM[i] = float.PositiveInfinity;
                }

                Rgb24Color sky = SkyColor(ray.Z);
                _skyRgb[3 * i] = sky.R;
                _skyRgb[(3 * i) + 1] = sky.G;
                _skyRgb[(3 * i) + 2] = sky.B;
            }
        }
    }

    private static Rgb24Color SkyColor(double rayUpZ)
    {
        double elevation = Math.Asin(Math.Clamp(rayUpZ, -1, 1));
        double w = Math.Clamp(elevation / RenderPalette.SkyGradientSpanRad, 0, 1);
        Rgb24Color a = RenderPalette.SkyHorizon, b = RenderPalette.SkyZenith;
        return new Rgb24Color(Lerp(a.R, b.R, w), Lerp(a.G, b.G, w), Lerp(a.B, b.B, w));
    }

    private static byte Lerp(byte a, byte b, double w) => (byte)Math.Round(a + ((b - a) * w));

    /// <summary>The one message for a destination of the wrong size (the renderer and the camera share it).</summary>
    internal static void ThrowWrongLength(int expected, int actual, string paramName) =>
        throw new ArgumentException($"destination must be exactly {expected} bytes (width x height x 3, RGB24); got {actual} bytes", paramName);

    private void ThrowWrongLabelSize(LabelBuffer labels) =>
        throw new ArgumentException(
            $"label buffer must be {WidthPx}x{HeightPx} px like the camera '{Calibration.Name}'; got {labels.WidthPx}x{labels.HeightPx} px", nameof(labels));
}

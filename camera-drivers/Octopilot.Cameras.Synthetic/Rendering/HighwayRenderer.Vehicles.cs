using Octopilot.Core.Geometry;
using Octopilot.Core.Labels;
using Octopilot.Core.Frames;

namespace Octopilot.Cameras.Synthetic;

/// <summary>The vehicle pass: per vehicle, a ray-box test only inside its conservative screen rectangle.</summary>
public sealed partial class HighwayRenderer
{
    /// <summary>Box points closer than this to the camera plane are clipped before projecting the screen rectangle, metres.</summary>
    private const double NearPlaneM = 0.01;

    /// <summary>Face order of the per-vehicle colour table.</summary>
    private const int FaceFront = 0, FaceRear = 1, FaceLeft = 2, FaceRight = 3, FaceTop = 4, FaceCount = 5;

    /// <summary>One vehicle as this frame sees it, in the ego frame (floats for the inner loop).</summary>
    private struct VehicleFrame
    {
        public bool OnScreen;
        public int U0, U1, V0, V1;            // inclusive screen rectangle
        public float CentreX, CentreY;        // box ground centre, ego frame
        public float Cos, Sin;                // box heading relative to the ego
        public float HalfLength, HalfWidth, Height;
        public float LocalOriginX, LocalOriginY, LocalOriginZ; // camera centre in box coordinates (z from the ground)
        public ushort Id;
        public Vec3 GroundCentreEgoM;
        public double HeadingEgoRad;
    }

    private unsafe void RenderVehicles(Pose2D ego, long simTimeNs, Span<byte> destination, LabelBuffer? labels)
    {
        int count = _vehicleFrames.Length;
        if (count == 0)
        {
            return;
        }

        for (int k = 0; k < count; k++)
        {
            PrepareVehicle(k, ego, _world.VehiclePoseAt(k, simTimeNs));
        }

        bool withLabels = labels is not null;
        fixed (byte* dst = destination, faces = _faceRgb)
        fixed (float* rxs = _rayX, rys = _rayY, rzs = _rayZ, czs = _cameraZ, zbuf = _depthBuffer)
        fixed (float* gxs = _groundX, gys = _groundY, gds = _groundDepthM)
        fixed (byte* classMap = withLabels ? labels!.ClassMap : default)
        fixed (float* depthMap = withLabels ? labels!.DepthM : default)
        fixed (ushort* instanceMap = withLabels ? labels!.InstanceMap : default)
        {
            for (int k = 0; k < count; k++)
            {
                ref VehicleFrame f = ref _vehicleFrames[k];
                if (!f.OnScreen)
                {
                    continue;
                }

                float c = f.Cos, s = f.Sin, hl = f.HalfLength, hw = f.HalfWidth, h = f.Height;
                float ox = f.LocalOriginX, oy = f.LocalOriginY, oz = f.LocalOriginZ;
                float cxv = f.CentreX, cyv = f.CentreY;
                byte* faceRgb = faces + (k * FaceCount * 3);
                for (int v = f.V0; v <= f.V1; v++)
                {
                    for (int u = f.U0; u <= f.U1; u++)
                    {
                        int i = (v * WidthPx) + u;
                        float dx = rxs[i], dy = rys[i], dz = rzs[i];
                        float lx = (c * dx) + (s * dy), ly = (c * dy) - (s * dx);

                        // Slab test in box coordinates: x along the vehicle, y to its left, z up from the ground.
                        float ix = 1 / lx, iy = 1 / ly, iz = 1 / dz;
                        float tx1 = (-hl - ox) * ix, tx2 = (hl - ox) * ix;
                        float ty1 = (-hw - oy) * iy, ty2 = (hw - oy) * iy;
                        float tz1 = -oz * iz, tz2 = (h - oz) * iz;
                        float txn = MathF.Min(tx1, tx2), tyn = MathF.Min(ty1, ty2), tzn = MathF.Min(tz1, tz2);
                        float tEnter = MathF.Max(txn, MathF.Max(tyn, tzn));
                        float tExit = MathF.Min(MathF.Max(tx1, tx2), MathF.Min(MathF.Max(ty1, ty2), MathF.Max(tz1, tz2)));
                        if (tEnter <= tExit && tEnter > 0)
                        {
                            float depth = tEnter * czs[i];
                            if (depth < zbuf[i])
                            {
                                int face = tEnter == txn ? (lx > 0 ? FaceRear : FaceFront)
                                    : tEnter == tyn ? (ly > 0 ? FaceRight : FaceLeft)
                                    : FaceTop;
                                byte* px = dst + (3 * i);
                                byte* rgb = faceRgb + (3 * face);
                                px[0] = rgb[0];
                                px[1] = rgb[1];
                                px[2] = rgb[2];
                                zbuf[i] = depth;
                                if (withLabels)
                                {
                                    classMap[i] = (byte)LabelClass.Vehicle;
                                    depthMap[i] = depth;
                                    instanceMap[i] = f.Id;
                                }

                                continue;
                            }
                        }

                        // Contact shadow: only on ground that nothing covers yet (its z-buffer is still the ground's).
                        float groundDepth = gds[i];
                        if (zbuf[i] == groundDepth && !float.IsPositiveInfinity(groundDepth))
                        {
                            float gx = gxs[i] - cxv, gy = gys[i] - cyv;
                            float outX = MathF.Max(MathF.Abs((c * gx) + (s * gy)) - hl, 0);
                            float outY = MathF.Max(MathF.Abs((c * gy) - (s * gx)) - hw, 0);
                            float outside = MathF.Sqrt((outX * outX) + (outY * outY));
                            if (outside < RenderPalette.ShadowReachM)
                            {
                                float w = outside / RenderPalette.ShadowReachM;
                                float light = RenderPalette.ShadowDarkest + ((1 - RenderPalette.ShadowDarkest) * w * w);
                                byte* px = dst + (3 * i);
                                px[0] = (byte)(px[0] * light);
                                px[1] = (byte)(px[1] * light);
                                px[2] = (byte)(px[2] * light);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Ego-frame pose, face colours and conservative screen rectangle of vehicle <paramref name="k"/>.</summary>
    private void PrepareVehicle(int k, Pose2D ego, Pose2D pose)
    {
        VehicleSpec spec = _world.Vehicle(k);
        ref VehicleFrame f = ref _vehicleFrames[k];
        (double sinH, double cosH) = Math.SinCos(ego.HeadingRad);
        double dxW = pose.XM - ego.XM, dyW = pose.YM - ego.YM;
        double x = (cosH * dxW) + (sinH * dyW), y = (-sinH * dxW) + (cosH * dyW);
        double yaw = pose.HeadingRad - ego.HeadingRad;
        (double sinY, double cosY) = Math.SinCos(yaw);
        f.Id = (ushort)spec.Id;
        f.GroundCentreEgoM = new Vec3(x, y, 0);
        f.HeadingEgoRad = yaw;
        f.CentreX = (float)x;
        f.CentreY = (float)y;
        f.Cos = (float)cosY;
        f.Sin = (float)sinY;
        f.HalfLength = (float)(spec.LengthM / 2);
        f.HalfWidth = (float)(spec.WidthM / 2);
        f.Height = (float)spec.HeightM;
        Vec3 o = Calibration.PositionInEgoM;
        double ox = o.X - x, oy = o.Y - y;
        f.LocalOriginX = (float)((cosY * ox) + (sinY * oy));
        f.LocalOriginY = (float)((cosY * oy) - (sinY * ox));
        f.LocalOriginZ = (float)o.Z;
        ShadeFaces(k, spec.Color, pose.HeadingRad);
        ComputeScreenRectangle(ref f, x, y, cosY, sinY, spec);
    }

    /// <summary>Per-face Lambert shading under the fixed world sun: ambient + diffuse · max(0, n·L).</summary>
    private void ShadeFaces(int k, Rgb24Color color, double worldHeadingRad)
    {
        (float lx, float ly, float lz) = RenderPalette.SunDirection;
        (double sinW, double cosW) = Math.SinCos(worldHeadingRad);
        float c = (float)cosW, s = (float)sinW;
        Span<float> nDotL = stackalloc float[FaceCount];
        nDotL[FaceFront] = (c * lx) + (s * ly);
        nDotL[FaceRear] = -nDotL[FaceFront];
        nDotL[FaceLeft] = (-s * lx) + (c * ly);
        nDotL[FaceRight] = -nDotL[FaceLeft];
        nDotL[FaceTop] = lz;
        for (int face = 0; face < FaceCount; face++)
        {
            float light = RenderPalette.Ambient + (RenderPalette.Diffuse * MathF.Max(0, nDotL[face]));
            int at = ((k * FaceCount) + face) * 3;
            _faceRgb[at] = (byte)MathF.Round(color.R * light);
            _faceRgb[at + 1] = (byte)MathF.Round(color.G * light);
            _faceRgb[at + 2] = (byte)MathF.Round(color.B * light);
        }
    }

    /// <summary>
    /// The pixels that can see the box or its contact shadow: the box grown by the shadow reach is clipped at the near
    /// plane, its corners projected to undistorted normalised coordinates (a convex box projects inside their
    /// bounding rectangle), and every row and column whose normalised range meets that rectangle is kept. Exact for
    /// any lens the rig accepts, because the row and column ranges come from the same per-pixel rays as the render.
    /// </summary>
    private void ComputeScreenRectangle(ref VehicleFrame f, double x, double y, double cosY, double sinY, VehicleSpec spec)
    {
        f.OnScreen = false;
        double hl = (spec.LengthM / 2) + RenderPalette.ShadowReachM, hw = (spec.WidthM / 2) + RenderPalette.ShadowReachM;
        Span<Vec3> corners = stackalloc Vec3[8];
        for (int n = 0; n < 8; n++)
        {
            double lx = (n & 1) == 0 ? -hl : hl, ly = (n & 2) == 0 ? -hw : hw, lz = (n & 4) == 0 ? 0 : spec.HeightM;
            var ego = new Vec3(x + (cosY * lx) - (sinY * ly), y + (sinY * lx) + (cosY * ly), lz);
            corners[n] = Calibration.EgoToCamera.Apply(ego);
        }

        double xMin = double.PositiveInfinity, xMax = double.NegativeInfinity, yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        for (int a = 0; a < 8; a++)
        {
            Vec3 p = corners[a];
            if (p.Z > NearPlaneM)
            {
                Extend(p, ref xMin, ref xMax, ref yMin, ref yMax);
            }

            // Edges of the box join corners that differ in exactly one bit of their index.
            for (int bit = 1; bit < 8; bit <<= 1)
            {
                int b = a ^ bit;
                Vec3 q = corners[b];
                if (b > a && (p.Z > NearPlaneM) != (q.Z > NearPlaneM))
                {
                    double t = (NearPlaneM - p.Z) / (q.Z - p.Z);
                    Extend(p + ((q - p) * t), ref xMin, ref xMax, ref yMin, ref yMax);
                }
            }
        }

        if (xMin > xMax)
        {
            return;
        }

        f.U0 = FirstOverlap(_columnXnMin, _columnXnMax, xMin, xMax);
        f.U1 = LastOverlap(_columnXnMin, _columnXnMax, xMin, xMax);
        f.V0 = FirstOverlap(_rowYnMin, _rowYnMax, yMin, yMax);
        f.V1 = LastOverlap(_rowYnMin, _rowYnMax, yMin, yMax);
        f.OnScreen = f.U0 >= 0 && f.V0 >= 0;
    }

    private static void Extend(Vec3 p, ref double xMin, ref double xMax, ref double yMin, ref double yMax)
    {
        // Nudged outwards by 1e-6 so float rounding of the per-pixel rays can never cut a boundary pixel.
        double xn = p.X / p.Z, yn = p.Y / p.Z;
        xMin = Math.Min(xMin, xn - 1e-6);
        xMax = Math.Max(xMax, xn + 1e-6);
        yMin = Math.Min(yMin, yn - 1e-6);
        yMax = Math.Max(yMax, yn + 1e-6);
    }

    private static int FirstOverlap(float[] lows, float[] highs, double min, double max)
    {
        for (int i = 0; i < lows.Length; i++)
        {
            if (highs[i] >= min && lows[i] <= max)
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastOverlap(float[] lows, float[] highs, double min, double max)
    {
        for (int i = lows.Length - 1; i >= 0; i--)
        {
            if (highs[i] >= min && lows[i] <= max)
            {
                return i;
            }
        }

        return -1;
    }
}

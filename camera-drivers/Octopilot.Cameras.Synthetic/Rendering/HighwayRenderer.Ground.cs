using Octopilot.Core.Labels;
using Octopilot.Core.Frames;
namespace Octopilot.Cameras.Synthetic;

/// <summary>The ground and sky pass: every pixel once, from the precomputed ground hit of its ray.</summary>
public sealed partial class HighwayRenderer
{
    /// <summary>Renders sky, road, markings, shoulder and grass for every pixel and fills the z-buffer.</summary>
    private unsafe void RenderGround(Pose2D ego, long simTimeNs, Span<byte> destination, LabelBuffer? labels)
    {
        RoadSpec road = _world.Road.Spec;
        double curvature = _world.Road.CurvaturePerM;
        RoadPoint egoRoad = _world.EgoRoadPointAt(ego, simTimeNs);
        (double sinH, double cosH) = Math.SinCos(ego.HeadingRad);
        float cos = (float)cosH, sin = (float)sinH;

        // Road frame relative to the ego, in float: small numbers near the camera keep full precision.
        bool curved = curvature != 0;
        float centreX = 0, centreY = 0, refX = 0, refY = 0;
        float radius = curved ? (float)(1 / Math.Abs(curvature)) : 0;
        float lateralSign = curvature >= 0 ? 1 : -1;
        float stationPerRad = curved ? (float)(1 / curvature) : 0;
        if (curved)
        {
            double dxW = 0 - ego.XM, dyW = (1 / curvature) - ego.YM;
            double cx = (cosH * dxW) + (sinH * dyW), cy = (-sinH * dxW) + (cosH * dyW);
            double n = Math.Sqrt((cx * cx) + (cy * cy));
            centreX = (float)cx;
            centreY = (float)cy;
            refX = (float)(-cx / n);
            refY = (float)(-cy / n);
        }

        float egoLateral = (float)egoRoad.LateralM;
        double period = road.DashLengthM + road.GapLengthM;
        float dashPhase0 = (float)(egoRoad.StationM - (Math.Floor(egoRoad.StationM / period) * period));
        float periodF = (float)period, dashF = (float)road.DashLengthM, invPeriod = (float)(1 / period);

        float halfRoad = (float)(road.RoadWidthM / 2);
        float edgeInner = halfRoad - (float)road.MarkingWidthM;
        float grassStart = halfRoad + (float)road.ShoulderWidthM;
        float halfMarking = (float)(road.MarkingWidthM / 2);
        float laneWidth = (float)road.LaneWidthM, invLaneWidth = 1 / laneWidth;
        int dividerCount = road.LaneCount - 1;

        // Texture cells are anchored to the world grid: the integer part lives in ints, the rest in a small float.
        long fineCellX0 = (long)Math.Floor(ego.XM / RenderPalette.FineCellM), fineCellY0 = (long)Math.Floor(ego.YM / RenderPalette.FineCellM);
        long coarseCellX0 = (long)Math.Floor(ego.XM / RenderPalette.CoarseCellM), coarseCellY0 = (long)Math.Floor(ego.YM / RenderPalette.CoarseCellM);
        float fineOffX = (float)(ego.XM - (fineCellX0 * (double)RenderPalette.FineCellM)), fineOffY = (float)(ego.YM - (fineCellY0 * (double)RenderPalette.FineCellM));
        float coarseOffX = (float)(ego.XM - (coarseCellX0 * (double)RenderPalette.CoarseCellM)), coarseOffY = (float)(ego.YM - (coarseCellY0 * (double)RenderPalette.CoarseCellM));
        const float InvFine = 1 / RenderPalette.FineCellM, InvCoarse = 1 / RenderPalette.CoarseCellM;
        uint seed = _world.Scenario.Seed;

        bool withLabels = labels is not null;
        fixed (byte* dst = destination, sky = _skyRgb)
        fixed (float* gxs = _groundX, gys = _groundY, gds = _groundDepthM, zbuf = _depthBuffer)
        fixed (byte* classMap = withLabels ? labels!.ClassMap : default)
        fixed (float* depthMap = withLabels ? labels!.DepthM : default)
        fixed (ushort* instanceMap = withLabels ? labels!.InstanceMap : default)
        {
            for (int i = 0; i < _pixelCount; i++)
            {
                float depth = gds[i];
                zbuf[i] = depth;
                byte* px = dst + (3 * i);
                if (float.IsPositiveInfinity(depth))
                {
                    px[0] = sky[3 * i];
                    px[1] = sky[(3 * i) + 1];
                    px[2] = sky[(3 * i) + 2];
                    if (withLabels)
                    {
                        classMap[i] = (byte)LabelClass.Sky;
                        depthMap[i] = 0;
                        instanceMap[i] = 0;
                    }

                    continue;
                }

                float gx = gxs[i], gy = gys[i];
                float lateral;
                if (curved)
                {
                    float qx = gx - centreX, qy = gy - centreY;
                    lateral = lateralSign * (radius - MathF.Sqrt((qx * qx) + (qy * qy)));
                }
                else
                {
                    lateral = egoLateral + (gx * sin) + (gy * cos);
                }

                float absLateral = MathF.Abs(lateral);
                LabelClass label;
                Rgb24Color baseColor;
                if (absLateral > grassStart)
                {
                    label = LabelClass.OffRoad;
                    baseColor = RenderPalette.Grass;
                }
                else if (absLateral > halfRoad)
                {
                    label = LabelClass.OffRoad;
                    baseColor = RenderPalette.Shoulder;
                }
                else if (absLateral >= edgeInner)
                {
                    label = LabelClass.SolidLaneMarking;
                    baseColor = RenderPalette.Marking;
                }
                else
                {
                    label = LabelClass.Road;
                    baseColor = RenderPalette.Asphalt;
                    float fromLeftEdge = halfRoad - lateral;
                    int divider = (int)MathF.Round(fromLeftEdge * invLaneWidth);
                    if (divider >= 1 && divider <= dividerCount && MathF.Abs(fromLeftEdge - (divider * laneWidth)) <= halfMarking)
                    {
                        // Station only where it matters (divider pixels): the arc needs an atan2.
                        float stationRel;
                        if (curved)
                        {
                            float qx = gx - centreX, qy = gy - centreY;
                            stationRel = stationPerRad * MathF.Atan2((refX * qy) - (refY * qx), (refX * qx) + (refY * qy));
                        }
                        else
                        {
                            stationRel = (gx * cos) - (gy * sin);
                        }

                        float phase = dashPhase0 + stationRel;
                        phase -= MathF.Floor(phase * invPeriod) * periodF;
                        if (phase < dashF)
                        {
                            label = LabelClass.LaneMarking;
                            baseColor = RenderPalette.Marking;
                        }
                    }
                }

                if (LabelClasses.IsLaneMarking(label))
                {
                    // Paint is uniform: no texture, so a marking pixel is exactly the marking colour (before shadows).
                    px[0] = baseColor.R;
                    px[1] = baseColor.G;
                    px[2] = baseColor.B;
                }
                else
                {
                    float rx = (cos * gx) - (sin * gy), ry = (sin * gx) + (cos * gy);
                    int fineX = (int)(fineCellX0 + (long)MathF.Floor((fineOffX + rx) * InvFine));
                    int fineY = (int)(fineCellY0 + (long)MathF.Floor((fineOffY + ry) * InvFine));
                    int coarseX = (int)(coarseCellX0 + (long)MathF.Floor((coarseOffX + rx) * InvCoarse));
                    int coarseY = (int)(coarseCellY0 + (long)MathF.Floor((coarseOffY + ry) * InvCoarse));
                    int noise = TextureNoise.Sample(fineX, fineY, seed, RenderPalette.FineNoiseAmplitude)
                        + TextureNoise.Sample(coarseX, coarseY, seed ^ 0x5bd1e995u, RenderPalette.CoarseNoiseAmplitude);
                    px[0] = (byte)(baseColor.R + noise);
                    px[1] = (byte)(baseColor.G + noise);
                    px[2] = (byte)(baseColor.B + noise);
                }

                if (withLabels)
                {
                    classMap[i] = (byte)label;
                    depthMap[i] = depth;
                    instanceMap[i] = 0;
                }
            }
        }
    }
}

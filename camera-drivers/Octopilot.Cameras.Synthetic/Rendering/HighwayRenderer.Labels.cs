using Octopilot.Core.Labels;

namespace Octopilot.Cameras.Synthetic;

/// <summary>The object list of the labels, counted from the instance map the render pass wrote.</summary>
public sealed partial class HighwayRenderer
{
    /// <summary>Per vehicle on screen: visible pixels, their bounding box and nearest depth, from its own screen rectangle.</summary>
    private void CollectObjects(LabelBuffer labels)
    {
        ObjectLabel[] objects = labels.ObjectStorage;
        Span<ushort> instances = labels.InstanceMap;
        Span<float> depths = labels.DepthM;
        int written = 0, dropped = 0;
        for (int k = 0; k < _vehicleFrames.Length; k++)
        {
            ref VehicleFrame f = ref _vehicleFrames[k];
            if (!f.OnScreen)
            {
                continue;
            }

            int pixels = 0, minU = int.MaxValue, minV = int.MaxValue, maxU = -1, maxV = -1;
            float minDepth = float.PositiveInfinity;
            for (int v = f.V0; v <= f.V1; v++)
            {
                int row = v * WidthPx;
                for (int u = f.U0; u <= f.U1; u++)
                {
                    if (instances[row + u] != f.Id)
                    {
                        continue;
                    }

                    pixels++;
                    minU = Math.Min(minU, u);
                    maxU = Math.Max(maxU, u);
                    minV = Math.Min(minV, v);
                    maxV = Math.Max(maxV, v);
                    minDepth = MathF.Min(minDepth, depths[row + u]);
                }
            }

            if (pixels == 0)
            {
                continue;
            }

            if (written == objects.Length)
            {
                dropped++;
                continue;
            }

            objects[written++] = new ObjectLabel(
                f.Id, LabelClass.Vehicle, minU, minV, maxU, maxV, pixels, minDepth, f.GroundCentreEgoM, f.HeadingEgoRad);
        }

        labels.ObjectCount = written;
        labels.ObjectsDropped = dropped;
    }
}

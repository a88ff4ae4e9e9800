using System.Numerics;
using Octopilot.Inference.Engine;
using Octopilot.Pipeline.Assembly;

namespace Octopilot.Inference.Perception;

/// <summary>
/// Turns the bound output buffers into per-camera results without copying maps or allocating: validity per head (frame
/// present, head in the model, every value finite), and thresholded, range-checked detections with duplicates
/// suppressed (<see cref="DetectionOverlapSuppression"/>).
/// </summary>
internal static class HeadDecoder
{
    private static readonly HeadKind[] MapHeads = [HeadKind.Lanes, HeadKind.Drivable, HeadKind.Depth, HeadKind.SolidLines];

    public static void Decode(
        in FrameSetLease lease, HeadOutputBuffers outputs, PerceptionFrameSet results, InferenceCounters counters,
        float scoreThreshold, int classCount, ObjectRangePolicy objectRange, float nmsIou)
    {
        for (int camera = 0; camera < results.Cameras.Count; camera++)
        {
            CameraPerception perception = results.Camera(camera);
            bool present = lease.HasCamera(camera);
            perception.FramePresent = present;
            perception.StartOfFrameNs = present ? lease.Slab.StartOfFrameNs(camera) : 0;
            perception.DetectionCount = 0;
            foreach (HeadKind head in MapHeads)
            {
                bool valid = present && outputs.Has(head) && AllFinite(outputs.CameraMap(head, camera));
                if (present && outputs.Has(head) && !valid)
                {
                    counters.AddNonFinite(camera, head);
                }

                perception.SetValid(head, valid);
            }

            bool objectsValid = present && outputs.Has(HeadKind.Objects) && AllFinite(outputs.CameraObjects(camera));
            if (present && outputs.Has(HeadKind.Objects) && !objectsValid)
            {
                counters.AddNonFinite(camera, HeadKind.Objects);
            }

            perception.SetValid(HeadKind.Objects, objectsValid);
            if (objectsValid)
            {
                DecodeObjects(outputs.CameraObjects(camera), perception, counters, scoreThreshold, classCount, objectRange, nmsIou);
            }
        }
    }

    private static void DecodeObjects(
        ReadOnlySpan<float> rows, CameraPerception perception, InferenceCounters counters, float scoreThreshold, int classCount,
        ObjectRangePolicy objectRange, float nmsIou)
    {
        bool modelDepth = objectRange == ObjectRangePolicy.ModelDepth;
        Span<Detection> storage = perception.DetectionStorage;
        int count = 0;
        for (int offset = 0; offset + HeadOutputBuffers.ObjectFields <= rows.Length; offset += HeadOutputBuffers.ObjectFields)
        {
            ReadOnlySpan<float> row = rows.Slice(offset, HeadOutputBuffers.ObjectFields);
            float score = row[0];
            if (score < scoreThreshold)
            {
                continue;
            }

            float classValue = row[1];
            int classIndex = (int)classValue;
            if (classIndex != classValue || classIndex < 0 || classIndex >= classCount || row[4] < 0 || row[5] < 0 || row[6] < 0 || score > 1)
            {
                counters.AddDetectionRejected(perception.Camera);
                continue;
            }

            // The model writes pixel-edge centres; a detection holds pixel-centre ones (PixelConvention).
            float centreU = (float)PixelConvention.EdgeToCentre(row[2]), centreV = (float)PixelConvention.EdgeToCentre(row[3]);
            storage[count++] = modelDepth
                ? new Detection(score, classIndex, centreU, centreV, row[4], row[5], row[6], RangeSource.ObjectDepth)
                : new Detection(score, classIndex, centreU, centreV, row[4], row[5], 0, RangeSource.GroundContact);
        }

        perception.DetectionCount = DetectionOverlapSuppression.Apply(storage[..count], nmsIou);
    }

    /// <summary>True when no value is NaN or ±Inf: x − x is 0 exactly for finite x and NaN otherwise.</summary>
    internal static bool AllFinite(ReadOnlySpan<float> values)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            ReadOnlySpan<Vector<float>> vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<float, Vector<float>>(values);
            foreach (Vector<float> v in vectors)
            {
                if (!Vector.EqualsAll(v - v, Vector<float>.Zero))
                {
                    return false;
                }
            }

            i = vectors.Length * Vector<float>.Count;
        }

        for (; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                return false;
            }
        }

        return true;
    }
}

namespace Octopilot.Inference.Perception;

/// <summary>
/// What the decoder rejected, per camera and head, over the engine's life. Written only by the inference thread;
/// readers on other threads see eventually consistent values (plain longs, read with Volatile).
/// </summary>
public sealed class InferenceCounters
{
    private readonly long[] _nonFinite;
    private readonly long[] _detectionsRejected;
    private long _runs;

    public InferenceCounters(int cameraCount)
    {
        CameraCount = cameraCount;
        _nonFinite = new long[cameraCount * HeadKinds.Count];
        _detectionsRejected = new long[cameraCount];
    }

    public int CameraCount { get; }

    public long Runs => Volatile.Read(ref _runs);

    /// <summary>Sets in which this camera's head output held NaN or Inf (that head was marked invalid for the set).</summary>
    public long NonFiniteOutputs(int camera, HeadKind head) => Volatile.Read(ref _nonFinite[(camera * HeadKinds.Count) + (int)head]);

    /// <summary>Object rows above threshold dropped for an impossible value (class out of range, negative size).</summary>
    public long DetectionsRejected(int camera) => Volatile.Read(ref _detectionsRejected[camera]);

    public long TotalNonFiniteOutputs()
    {
        long total = 0;
        for (int i = 0; i < _nonFinite.Length; i++)
        {
            total += Volatile.Read(ref _nonFinite[i]);
        }

        return total;
    }

    public long TotalDetectionsRejected()
    {
        long total = 0;
        for (int i = 0; i < _detectionsRejected.Length; i++)
        {
            total += Volatile.Read(ref _detectionsRejected[i]);
        }

        return total;
    }

    internal void AddRun() => Volatile.Write(ref _runs, _runs + 1);

    internal void AddNonFinite(int camera, HeadKind head) =>
        Volatile.Write(ref _nonFinite[(camera * HeadKinds.Count) + (int)head], _nonFinite[(camera * HeadKinds.Count) + (int)head] + 1);

    internal void AddDetectionRejected(int camera) => AddDetectionsRejected(camera, 1);

    internal void AddDetectionsRejected(int camera, int count) =>
        Volatile.Write(ref _detectionsRejected[camera], _detectionsRejected[camera] + count);
}

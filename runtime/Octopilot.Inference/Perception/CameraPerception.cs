namespace Octopilot.Inference.Perception;

/// <summary>
/// What the HydraNet saw in one camera of one frame set. Owned by a <see cref="PerceptionFrameSet"/>, reused for every
/// set: valid until the engine's next run. A head that is absent from the model, missing from the set, or whose output
/// held NaN or Inf is marked invalid; its data must not be used (and no NaN ever reaches a consumer).
/// </summary>
public sealed class CameraPerception
{
    private readonly Detection[] _detections;
    private readonly bool[] _headValid = new bool[HeadKinds.Count];

    internal CameraPerception(int camera, string cameraName, int maxDetections)
    {
        Camera = camera;
        CameraName = cameraName;
        _detections = new Detection[maxDetections];
    }

    public int Camera { get; }

    public string CameraName { get; }

    /// <summary>The camera's frame was in the set. When false every head is invalid.</summary>
    public bool FramePresent { get; internal set; }

    /// <summary>Start of frame of the camera's image (monotonic ns).</summary>
    public long StartOfFrameNs { get; internal set; }

    public int DetectionCount { get; internal set; }

    /// <summary>Detections above the score threshold, best first.</summary>
    public ReadOnlySpan<Detection> Detections => _detections.AsSpan(0, DetectionCount);

    public bool IsValid(HeadKind head) => _headValid[(int)head];

    internal void SetValid(HeadKind head, bool valid) => _headValid[(int)head] = valid;

    internal Span<Detection> DetectionStorage => _detections;
}

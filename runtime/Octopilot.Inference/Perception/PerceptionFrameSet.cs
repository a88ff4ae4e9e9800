using Octopilot.Inference.Engine;

namespace Octopilot.Inference.Perception;

/// <summary>
/// The decoded heads of one frame set: per camera a <see cref="CameraPerception"/> plus zero-copy views of the map
/// heads. Created once by <see cref="InferenceEngine.CreateResults"/> and refilled by every run: everything here is
/// valid until the next run of the engine (the map views point into the engine's bound output buffers).
/// </summary>
public sealed class PerceptionFrameSet
{
    private readonly CameraPerception[] _cameras;
    private readonly HeadOutputBuffers _outputs;

    internal PerceptionFrameSet(HeadOutputBuffers outputs, IReadOnlyList<string> cameraNames, int maxDetections)
    {
        _outputs = outputs;
        _cameras = new CameraPerception[cameraNames.Count];
        for (int i = 0; i < _cameras.Length; i++)
        {
            _cameras[i] = new CameraPerception(i, cameraNames[i], maxDetections);
        }
    }

    public long SetSequence { get; internal set; }

    public long InferenceStartNs { get; internal set; }

    public long InferenceEndNs { get; internal set; }

    public long DecodeEndNs { get; internal set; }

    public int MapHeight => _outputs.MapHeight;

    public int MapWidth => _outputs.MapWidth;

    public IReadOnlyList<CameraPerception> Cameras => _cameras;

    internal CameraPerception Camera(int index) => _cameras[index];

    /// <summary>
    /// Camera <paramref name="camera"/>'s map of a map head (lanes, drivable, depth) as <c>MapHeight·MapWidth</c> floats,
    /// row-major. Check <see cref="CameraPerception.IsValid"/> first: an invalid map may hold NaN.
    /// </summary>
    public ReadOnlySpan<float> Map(HeadKind head, int camera) => _outputs.CameraMap(head, camera);
}

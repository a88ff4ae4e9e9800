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

    /// <summary>
    /// A set whose maps are plain managed memory that no engine writes, filled by the caller through
    /// <see cref="WritableMap"/>, <see cref="Camera"/> and <see cref="CameraPerception.SetValid"/>. Internal: the oracle
    /// perception (Octopilot.Perception.Oracle, a friend assembly) fills such sets from ground truth, tests and benchmarks
    /// from known values; consumers only ever read a set. Lives as long as the caller keeps it.
    /// </summary>
    internal static PerceptionFrameSet CreateDetached(IReadOnlyList<string> cameraNames, int mapHeight, int mapWidth, int maxDetections)
    {
        var names = new Dictionary<HeadKind, string>
        {
            [HeadKind.Lanes] = "lanes",
            [HeadKind.Drivable] = "drivable",
            [HeadKind.Depth] = "depth",
            [HeadKind.Objects] = "objects",
            [HeadKind.SolidLines] = "solid_lines",
        };
        var outputs = HeadOutputBuffers.CreateUnbound(cameraNames.Count, mapHeight, mapWidth, maxDetections, names);
        return new PerceptionFrameSet(outputs, cameraNames, maxDetections);
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
    /// Camera <paramref name="camera"/>'s map of a map head (lanes, drivable, depth, solid lines) as <c>MapHeight·MapWidth</c> floats,
    /// row-major. Check <see cref="CameraPerception.IsValid"/> first: an invalid map may hold NaN.
    /// </summary>
    public ReadOnlySpan<float> Map(HeadKind head, int camera) => _outputs.CameraMap(head, camera);

    /// <summary>
    /// Every camera's map of a map head at once, in batch order: the contract's <c>[N,1,H,W]</c> tensor, camera c's map at
    /// offset <c>c·MapHeight·MapWidth</c>. For consumers that gather from several cameras per output element (BEV fusion)
    /// and so cannot hold one span per camera. Empty when the model lacks the head. Same lifetime and validity rules as <see cref="Map"/>.
    /// </summary>
    public ReadOnlySpan<float> Maps(HeadKind head) => head == HeadKind.Objects ? ReadOnlySpan<float>.Empty : _outputs.Raw(head);

    /// <summary>Writable map of a detached set (see <see cref="CreateDetached"/>).</summary>
    internal Span<float> WritableMap(HeadKind head, int camera) => _outputs.WritableCameraMap(head, camera);
}

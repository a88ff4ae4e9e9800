using Octopilot.Core.Labels;

namespace Octopilot.Cameras.Synthetic;

/// <summary>
/// Ground-truth maps of one camera frame, written by the renderer in the same pass and hit test as the image: a class
/// map (<see cref="LabelClass"/> per pixel), a depth map (camera-frame z in metres, 0 for sky), an instance map (object
/// id per pixel, 0 for none) and a fixed-capacity list of visible objects. All row-major, <see cref="WidthPx"/> wide.
/// Allocated once; each render overwrites it completely. Not thread-safe: one writer, read after the render returns.
/// </summary>
public sealed class LabelBuffer
{
    private readonly byte[] _classMap;
    private readonly float[] _depthM;
    private readonly ushort[] _instanceMap;
    private readonly ObjectLabel[] _objects;

    public LabelBuffer(int widthPx, int heightPx, int objectCapacity = ScenarioFile.MaxVehicles)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(widthPx);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(heightPx);
        ArgumentOutOfRangeException.ThrowIfNegative(objectCapacity);
        WidthPx = widthPx;
        HeightPx = heightPx;
        _classMap = new byte[widthPx * heightPx];
        _depthM = new float[widthPx * heightPx];
        _instanceMap = new ushort[widthPx * heightPx];
        _objects = new ObjectLabel[objectCapacity];
    }

    public int WidthPx { get; }

    public int HeightPx { get; }

    public int ObjectCapacity => _objects.Length;

    /// <summary>Sim time (ns since sim start) the maps were rendered at.</summary>
    public long SimTimeNs { get; internal set; }

    /// <summary>Number of valid entries in <see cref="Objects"/>.</summary>
    public int ObjectCount { get; internal set; }

    /// <summary>Visible objects beyond <see cref="ObjectCapacity"/> in the last render, left out of the list (still in the maps).</summary>
    public int ObjectsDropped { get; internal set; }

    /// <summary>Per-pixel <see cref="LabelClass"/> values.</summary>
    public Span<byte> ClassMap => _classMap;

    /// <summary>Per-pixel camera-frame z, metres; 0 where the pixel shows sky.</summary>
    public Span<float> DepthM => _depthM;

    /// <summary>Per-pixel object id (<see cref="ObjectLabel.ObjectId"/>); 0 where no object is seen.</summary>
    public Span<ushort> InstanceMap => _instanceMap;

    /// <summary>The visible objects of the last render, in scenario order.</summary>
    public ReadOnlySpan<ObjectLabel> Objects => _objects.AsSpan(0, ObjectCount);

    public LabelClass ClassAt(int uPx, int vPx) => (LabelClass)_classMap[(vPx * WidthPx) + uPx];

    public float DepthAtM(int uPx, int vPx) => _depthM[(vPx * WidthPx) + uPx];

    internal ObjectLabel[] ObjectStorage => _objects;
}

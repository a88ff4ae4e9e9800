using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Octopilot.Core.Time;
using Octopilot.Inference.Contract;
using Octopilot.Inference.Perception;
using Octopilot.Inference.Providers;
using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Slabs;

namespace Octopilot.Inference.Engine;

/// <summary>
/// Runs a HydraNet over frame sets with no copy in and no copy out: each slab of the pool is wrapped once in an OrtValue
/// (the model input <c>[N,H,W,3] uint8</c> is the slab), each head output is a pinned buffer bound once, and every run is
/// <c>RunWithBinding</c> on the slab's pre-built binding followed by an in-place decode. Zero managed allocation per run.
/// Threads: one inference thread calls <see cref="Run"/>; nothing here is shared with capture.
/// Lifetime: <see cref="Open"/> (load, pick provider, validate contract), <see cref="Bind"/> (once per slab pool),
/// <see cref="Run"/> per set, Dispose (before the pool: the bindings point into slab memory).
/// </summary>
public sealed class InferenceEngine : IPerceptionEngine
{
    private readonly InferenceSession _session;
    private readonly InferenceOptions _options;
    private readonly IClock _clock;
    private readonly RunOptions _runOptions = new();
    private OrtValue[] _slabInputs = [];
    private OrtIoBinding[] _bindings = [];
    private HeadOutputBuffers? _outputs;
    private FrameSlabPool? _pool;
    private string[] _cameraNames = [];

    private InferenceEngine(InferenceSession session, ExecutionProviderKind provider, ModelContract contract, ModelLayout layout, InferenceOptions options, IClock clock)
    {
        _session = session;
        Provider = provider;
        Contract = contract;
        Layout = layout;
        _options = options;
        _clock = clock;
    }

    public ExecutionProviderKind Provider { get; }

    public ModelContract Contract { get; }

    internal ModelLayout Layout { get; }

    public int InputHeightPx => Layout.InputHeightPx;

    public int InputWidthPx => Layout.InputWidthPx;

    public InferenceCounters Counters { get; private set; } = new(0);

    public string Description => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Path.GetFileName(_options.ModelPath)} (HydraNet contract, {Contract.Backbone}, {InputWidthPx}x{InputHeightPx}, stride {Contract.Stride}; slabs bound as the input, no copy)");

    public int MapStridePx => Contract.Stride;

    public IReadOnlyList<string> ClassNames => Contract.Classes;

    public int MaxDetections => Contract.MaxObjects;

    internal InferenceSession Session => _session;

    internal HeadOutputBuffers Outputs => _outputs ?? throw NotBound();

    /// <summary>The pre-built binding of one slab (benchmarks compare against bare ORT on the very same binding).</summary>
    internal OrtIoBinding BindingFor(int slabIndex) => _bindings[slabIndex];

    /// <summary>
    /// Loads the model with the first provider that works (logging why others did not), and validates it against the
    /// HydraNet contract. Throws <see cref="ModelLoadException"/> for an unreadable file, <see cref="ModelContractException"/>
    /// naming each broken rule, or
    /// <see cref="InferenceStartupException"/> when a required provider is missing.
    /// </summary>
    public static InferenceEngine Open(InferenceOptions options, IClock clock, TextWriter log)
    {
        options.Validate();

        // File and contract first, on a plain CPU session: a corrupt or non-conforming model must be reported as that,
        // not as every GPU provider "failing to load" it.
        ModelContract contract;
        using (InferenceSession inspection = ModelFile.OpenForInspection(options.ModelPath))
        {
            contract = ModelContractValidator.Validate(options.ModelPath, inspection);
        }

        (InferenceSession session, ExecutionProviderKind provider) = SessionFactory.Create(options, log);
        return new InferenceEngine(session, provider, contract, ModelLayoutFrom.Contract(contract), options, clock);
    }

    /// <summary>
    /// Wraps every slab of <paramref name="pool"/> as the model input and builds one binding per slab. The pool's frames
    /// must be the model's input size and its camera count a batch the model accepts.
    /// </summary>
    public void Bind(FrameSlabPool pool, IReadOnlyList<string> cameraNames)
    {
        if (_pool is not null)
        {
            throw new InvalidOperationException("inference engine is already bound to a slab pool");
        }

        if (pool.Mode.WidthPx != Layout.InputWidthPx || pool.Mode.HeightPx != Layout.InputHeightPx)
        {
            throw new InferenceStartupException(
                $"camera frames are {pool.Mode.WidthPx}x{pool.Mode.HeightPx} but model {Path.GetFileName(_options.ModelPath)} takes {Layout.InputWidthPx}x{Layout.InputHeightPx}: " +
                "set the capture mode to the model's input size, or export the model at the capture size (onnx/export --width --height)");
        }

        if (Layout.FixedBatch is int batch && batch != pool.CameraCount)
        {
            throw new InferenceStartupException(
                $"model {Path.GetFileName(_options.ModelPath)} has a fixed batch of {batch} but the rig has {pool.CameraCount} cameras: export it with a dynamic batch or for {pool.CameraCount} cameras");
        }

        _pool = pool;
        _cameraNames = cameraNames.ToArray();
        Counters = new InferenceCounters(pool.CameraCount);
        _outputs = new HeadOutputBuffers(pool.CameraCount, Layout.MapHeight, Layout.MapWidth, Layout.MaxObjects, Layout.HeadOutputNames);
        _slabInputs = new OrtValue[pool.SlabCount];
        _bindings = new OrtIoBinding[pool.SlabCount];
        long[] inputShape = [pool.CameraCount, Layout.InputHeightPx, Layout.InputWidthPx, 3];
        for (int i = 0; i < pool.SlabCount; i++)
        {
            FrameSlab slab = pool[i];
            unsafe
            {
                _slabInputs[i] = OrtValue.CreateTensorValueWithData(
                    OrtMemoryInfo.DefaultInstance, TensorElementType.UInt8, inputShape, (IntPtr)slab.BasePointer, slab.TotalBytes);
            }

            _bindings[i] = _session.CreateIoBinding();
            _bindings[i].BindInput(Layout.InputName, _slabInputs[i]);
            _outputs.BindAll(_bindings[i]);
        }
    }

    /// <summary>
    /// Runs the model <paramref name="runs"/> times on a zero batch of <paramref name="batch"/> frames in scratch buffers,
    /// so ORT's first-run work (kernel selection, arena growth) is not paid by the first real frame sets. Needs no slab
    /// pool, so it can run before the cameras exist; allocates (start-up only).
    /// </summary>
    public void WarmUp(int runs, int batch)
    {
        long[] shape = [batch, Layout.InputHeightPx, Layout.InputWidthPx, 3];
        byte[] input = GC.AllocateArray<byte>(checked(batch * Layout.InputHeightPx * Layout.InputWidthPx * 3), pinned: true);
        using OrtValue inputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<byte>(input), shape);
        using var outputs = new HeadOutputBuffers(batch, Layout.MapHeight, Layout.MapWidth, Layout.MaxObjects, Layout.HeadOutputNames);
        using OrtIoBinding binding = _session.CreateIoBinding();
        binding.BindInput(Layout.InputName, inputValue);
        outputs.BindAll(binding);
        for (int i = 0; i < runs; i++)
        {
            _session.RunWithBinding(_runOptions, binding);
        }
    }

    /// <summary>A result holder for <see cref="Run"/>; create one per consumer at start, reuse it for every set.</summary>
    public PerceptionFrameSet CreateResults() => new(Outputs, _cameraNames, Layout.MaxObjects);

    /// <summary>
    /// Runs the model on the set in <paramref name="lease"/> and decodes it into <paramref name="results"/>. The lease stays
    /// owned by the caller. Results (and their map views) are valid until the next call.
    /// </summary>
    public void Run(in FrameSetLease lease, PerceptionFrameSet results)
    {
        FrameSlab slab = lease.Slab;
        if (_pool is null || !ReferenceEquals(_pool[slab.Index], slab))
        {
            throw new InvalidOperationException("the lease's slab does not belong to the pool this engine was bound to");
        }

        results.SetSequence = lease.SetSequence;
        results.InferenceStartNs = _clock.NowNs;
        _session.RunWithBinding(_runOptions, _bindings[slab.Index]);
        results.InferenceEndNs = _clock.NowNs;
        HeadDecoder.Decode(lease, Outputs, results, Counters, _options.ObjectScoreThreshold, Layout.Classes.Count, _options.ObjectRange, _options.ObjectNmsIou);
        Counters.AddRun();
        results.DecodeEndNs = _clock.NowNs;
    }

    public void Dispose()
    {
        foreach (OrtIoBinding binding in _bindings)
        {
            binding.Dispose();
        }

        foreach (OrtValue input in _slabInputs)
        {
            input.Dispose();
        }

        _outputs?.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }

    private static InvalidOperationException NotBound() => new("inference engine is not bound to a slab pool yet: call Bind first");
}

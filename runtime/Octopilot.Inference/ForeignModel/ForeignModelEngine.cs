using Microsoft.ML.OnnxRuntime;
using Octopilot.Core.Time;
using Octopilot.Inference.Contract;
using Octopilot.Inference.Engine;
using Octopilot.Inference.ForeignHeads;
using Octopilot.Inference.Manifest;
using Octopilot.Inference.Perception;
using Octopilot.Inference.Preprocessing;
using Octopilot.Inference.Providers;
using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Slabs;

namespace Octopilot.Inference.ForeignModel;

/// <summary>
/// Runs a foreign ONNX perception model unchanged, as its manifest describes it, into the same
/// <see cref="PerceptionFrameSet"/> the contract HydraNet fills (so BEV fusion, tracking and the planner do not know
/// which model ran). Per set: each present camera's frame is preprocessed in one fused pass into the pinned input tensor
/// (the path's one copy), the model runs on a binding built once (per camera for a batch-1 model, once for a batched
/// one), float16/integer outputs are converted, and every head is decoded and resampled onto the runtime map grid over
/// the camera frame (cells of <see cref="ModelManifest.MapStridePx"/> frame pixels), detections mapped back to frame
/// pixels and ranged (<see cref="DetectionRangeRefiner"/>). Zero managed allocation per set.
/// Threads: one inference thread calls Run. Lifetime: <see cref="Open"/>, Run per set, Dispose.
/// </summary>
public sealed class ForeignModelEngine : IPerceptionEngine
{
    /// <summary>Detections kept per camera per set (after NMS).</summary>
    public const int DefaultMaxDetections = 100;

    private readonly InferenceSession _session;
    private readonly IClock _clock;
    private readonly RunOptions _runOptions = new();
    private readonly OrtIoBinding _binding;
    private readonly ModelInputTensor _input;
    private readonly ModelOutputBuffer[] _outputs;
    private readonly string[] _cameraNames;
    private readonly int _frameBytes;
    private readonly string _modelPath;

    private ForeignModelEngine(
        string modelPath, InferenceSession session, ExecutionProviderKind provider, ModelSignature signature, ManifestBinding binding, FramePreprocessor preprocessor,
        IReadOnlyList<string> cameraNames, IReadOnlyList<double> focalYPx, IClock clock)
    {
        _session = session;
        _clock = clock;
        _modelPath = modelPath;
        Provider = provider;
        Binding = binding;
        Preprocessor = preprocessor;
        _cameraNames = [.. cameraNames];
        _frameBytes = preprocessor.FrameWidthPx * preprocessor.FrameHeightPx * 3;
        Counters = new InferenceCounters(cameraNames.Count);

        var outputs = new Dictionary<string, ModelOutputBuffer>(StringComparer.Ordinal);
        foreach ((string name, int[] shape) in binding.OutputShapes)
        {
            outputs[name] = new ModelOutputBuffer(name, signature.FindOutput(name)!.ElementType, shape);
        }

        _outputs = [.. outputs.Values];
        _input = new ModelInputTensor(preprocessor);
        _binding = session.CreateIoBinding();
        _binding.BindInput(binding.Input.Name, _input.Value);
        foreach (ModelOutputBuffer output in _outputs)
        {
            _binding.BindOutput(output.Name, output.Value);
        }

        int stride = binding.Manifest.MapStridePx;
        // Whole cells only, as the contract's maps (input / stride) and the BEV table the world model builds for them.
        MapGrid grid = MapGrid.Runtime(
            Math.Max(1, preprocessor.FrameWidthPx / stride), Math.Max(1, preprocessor.FrameHeightPx / stride), stride);
        var geometry = new FrameInputGeometry(
            preprocessor.FrameWidthPx, preprocessor.FrameHeightPx, preprocessor.InputWidthPx, preprocessor.InputHeightPx,
            InputFrameMapping.From(preprocessor.Fit));
        IReadOnlyList<string> classes = binding.Manifest.Classes.Count > 0 ? binding.Manifest.Classes : ["object"];
        var ranges = new DetectionRangeRefiner(ClassSizePriors.For(classes), focalYPx, preprocessor.FrameHeightPx);
        Heads = new ForeignHeadSet(binding, outputs, geometry, grid, ranges);
    }

    public ExecutionProviderKind Provider { get; }

    public ManifestBinding Binding { get; }

    public FramePreprocessor Preprocessor { get; }

    public ForeignHeadSet Heads { get; }

    public InferenceCounters Counters { get; }

    public string Description => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Path.GetFileName(_modelPath)} ({Binding.Manifest.File}: input {Preprocessor.InputWidthPx}x{Preprocessor.InputHeightPx} {Preprocessor.ElementType} {Preprocessor.Layout}, {Binding.Input.Fit} from {Preprocessor.FrameWidthPx}x{Preprocessor.FrameHeightPx} frames, {(Binding.ImagesPerRun == 1 ? "one run per camera" : "one run per set")}, {Binding.Manifest.Heads.Count} head(s); one preprocessing copy per frame)");

    public int MapStridePx => Binding.Manifest.MapStridePx;

    public IReadOnlyList<string> ClassNames => Heads.ClassNames;

    public int MaxDetections => Heads.HasDetections ? DefaultMaxDetections : 1;

    public int MapWidth => Heads.RuntimeGrid.Width;

    public int MapHeight => Heads.RuntimeGrid.Height;

    /// <summary>Bytes the preprocessing pass writes per camera frame (the manifest path's one copy).</summary>
    public int InputBytesPerFrame => _input.BytesPerImage;

    /// <summary>The input tensor as the last run saw it (tests compare it with the PyTorch reference).</summary>
    internal ModelInputTensor Input => _input;

    /// <summary>
    /// Loads the model (first provider that works), reads its manifest-declared inputs and outputs, validates the manifest
    /// against them (<see cref="ConfigException"/>, every broken rule, exit 2) and builds preprocessing, bindings and
    /// decoders for frames of <paramref name="frameWidthPx"/> × <paramref name="frameHeightPx"/> from
    /// <paramref name="cameraNames"/>. <paramref name="focalYPx"/>: per camera fy for the class-size range prior (empty:
    /// none).
    /// </summary>
    public static ForeignModelEngine Open(
        InferenceOptions options, ModelManifest manifest, IReadOnlyList<string> cameraNames, int frameWidthPx, int frameHeightPx,
        IReadOnlyList<double> focalYPx, IClock clock, TextWriter log)
    {
        options.Validate();
        ModelSignature signature;
        using (InferenceSession inspection = ModelFile.OpenForInspection(options.ModelPath))
        {
            signature = ModelSignature.Read(inspection);
        }

        return Create(options, manifest, signature, cameraNames, frameWidthPx, frameHeightPx, focalYPx, clock, log);
    }

    /// <summary>The rest of opening once the model's signature is read (one inspection session per open).</summary>
    private static ForeignModelEngine Create(
        InferenceOptions options, ModelManifest manifest, ModelSignature signature, IReadOnlyList<string> cameraNames, int frameWidthPx, int frameHeightPx,
        IReadOnlyList<double> focalYPx, IClock clock, TextWriter log)
    {
        ManifestBinding binding = ModelManifestValidator.Validate(manifest, signature, cameraNames.Count);
        FramePreprocessor preprocessor = FramePreprocessor.For(binding, frameWidthPx, frameHeightPx);
        (InferenceSession session, ExecutionProviderKind provider) = SessionFactory.Create(options, log);
        try
        {
            return new ForeignModelEngine(options.ModelPath, session, provider, signature, binding, preprocessor, cameraNames, focalYPx, clock);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The contract HydraNet at <see cref="InferenceOptions.ModelPath"/> through this engine (the manifest-less default):
    /// validated against the contract (<see cref="ModelContractException"/>), then run with its implied manifest
    /// (<see cref="ContractManifest"/>) on frames of any size, stretched to its input.
    /// </summary>
    public static ForeignModelEngine OpenContract(
        InferenceOptions options, IReadOnlyList<string> cameraNames, int frameWidthPx, int frameHeightPx,
        IReadOnlyList<double> focalYPx, IClock clock, TextWriter log)
    {
        options.Validate();
        ModelContract contract;
        ModelSignature signature;
        using (InferenceSession inspection = ModelFile.OpenForInspection(options.ModelPath))
        {
            contract = ModelContractValidator.Validate(options.ModelPath, inspection);
            signature = ModelSignature.Read(inspection);
        }

        // The contract's map resolution carried over to the frame: stride scaled by frame / input (the same maps when equal).
        int stridePx = Math.Max(1, (int)Math.Round(contract.Stride * frameWidthPx / (double)contract.InputWidthPx));
        ModelManifest manifest = ContractManifest.For(contract, options.ModelPath, options.ObjectScoreThreshold, options.ObjectRange, options.ObjectNmsIou) with { MapStridePx = stridePx };
        return Create(options, manifest, signature, cameraNames, frameWidthPx, frameHeightPx, focalYPx, clock, log);
    }

    /// <summary>A result holder for <see cref="Run{TFrames}"/>: maps at the runtime grid, one per consumer, reused every set.</summary>
    public PerceptionFrameSet CreateResults() =>
        PerceptionFrameSet.CreateDetached(_cameraNames, MapHeight, MapWidth, Heads.HasDetections ? DefaultMaxDetections : 1);

    /// <summary>The live path: the pool's frames must be the size and camera count the engine was opened for.</summary>
    public void Bind(FrameSlabPool pool, IReadOnlyList<string> cameraNames)
    {
        if (pool.Mode.WidthPx != Preprocessor.FrameWidthPx || pool.Mode.HeightPx != Preprocessor.FrameHeightPx || pool.CameraCount != _cameraNames.Length)
        {
            throw new InferenceStartupException(
                $"camera frames are {pool.Mode.WidthPx}x{pool.Mode.HeightPx} from {pool.CameraCount} cameras but the manifest engine for {Path.GetFileName(_modelPath)} was opened for {Preprocessor.FrameWidthPx}x{Preprocessor.FrameHeightPx} from {_cameraNames.Length}");
        }

        if (pool.Mode.FrameBytes != _frameBytes)
        {
            throw new InferenceStartupException($"camera frames are {pool.Mode.FrameBytes} bytes; the manifest path reads RGB24 frames of {_frameBytes} bytes");
        }
    }

    /// <summary>Runs the model <paramref name="runs"/> times on black frames (start-up only; allocates them).</summary>
    public void WarmUp(int runs, int batch)
    {
        byte[] black = new byte[_frameBytes];
        var frames = new MemoryFrames(Enumerable.Repeat((ReadOnlyMemory<byte>)black, _cameraNames.Length).ToArray());
        PerceptionFrameSet results = CreateResults();
        for (int i = 0; i < runs; i++)
        {
            Run(frames, results);
        }
    }

    /// <summary>The live path: one leased set from the assembler.</summary>
    public void Run(in FrameSetLease lease, PerceptionFrameSet results) => Run(new LeaseFrames(lease, _frameBytes), results, lease.SetSequence);

    /// <summary>
    /// Runs the model on one frame set and decodes it into <paramref name="results"/> (valid until the next run).
    /// <paramref name="observer"/> (perceive's masks at image resolution) sees each camera's raw outputs after its decode.
    /// </summary>
    public void Run<TFrames>(in TFrames frames, PerceptionFrameSet results, long setSequence = 0, IForeignOutputObserver? observer = null)
        where TFrames : struct, IFrameSetView
    {
        if (frames.CameraCount != _cameraNames.Length || results.Cameras.Count != _cameraNames.Length)
        {
            throw new ArgumentException(
                $"the engine was opened for {_cameraNames.Length} cameras but the set has {frames.CameraCount} and the results {results.Cameras.Count}", nameof(frames));
        }

        results.SetSequence = setSequence;
        results.InferenceStartNs = _clock.NowNs;
        for (int camera = 0; camera < _cameraNames.Length; camera++)
        {
            CameraPerception perception = results.Camera(camera);
            bool present = frames.HasCamera(camera);
            perception.FramePresent = present;
            perception.StartOfFrameNs = present ? frames.StartOfFrameNs(camera) : 0;
            perception.DetectionCount = 0;
            for (int head = 0; head < HeadKinds.Count; head++)
            {
                perception.SetValid((HeadKind)head, false);
            }
        }

        if (Binding.ImagesPerRun == 1)
        {
            for (int camera = 0; camera < _cameraNames.Length; camera++)
            {
                if (frames.HasCamera(camera))
                {
                    _input.Write(CheckedFrame(frames, camera), 0);
                    RunModel();
                    Heads.Decode(0, camera, results, Counters);
                    observer?.OnImage(camera, 0, Heads);
                }
            }
        }
        else
        {
            for (int camera = 0; camera < _cameraNames.Length; camera++)
            {
                if (frames.HasCamera(camera))
                {
                    _input.Write(CheckedFrame(frames, camera), camera);
                }
            }

            RunModel();
            for (int camera = 0; camera < _cameraNames.Length; camera++)
            {
                if (frames.HasCamera(camera))
                {
                    Heads.Decode(camera, camera, results, Counters);
                    observer?.OnImage(camera, camera, Heads);
                }
            }
        }

        results.InferenceEndNs = _clock.NowNs;
        results.DecodeEndNs = results.InferenceEndNs;
        Counters.AddRun();
    }

    public void Dispose()
    {
        _binding.Dispose();
        _input.Dispose();
        foreach (ModelOutputBuffer output in _outputs)
        {
            output.Dispose();
        }

        _runOptions.Dispose();
        _session.Dispose();
    }

    private ReadOnlySpan<byte> CheckedFrame<TFrames>(in TFrames frames, int camera)
        where TFrames : struct, IFrameSetView
    {
        ReadOnlySpan<byte> frame = frames.Frame(camera);
        if (frame.Length < _frameBytes)
        {
            throw new ArgumentException(
                $"camera {_cameraNames[camera]}: frame of {frame.Length} bytes, the engine was opened for {Preprocessor.FrameWidthPx}x{Preprocessor.FrameHeightPx} RGB ({_frameBytes} bytes)", nameof(frames));
        }

        return frame[.._frameBytes];
    }

    /// <summary>One bare <c>RunWithBinding</c> on the engine's session and binding (benchmarks' bare-ORT floor).</summary>
    internal void RunModelOnly(RunOptions runOptions) => _session.RunWithBinding(runOptions, _binding);

    private void RunModel()
    {
        _session.RunWithBinding(_runOptions, _binding);
        foreach (ModelOutputBuffer output in _outputs)
        {
            output.ConvertAfterRun();
        }
    }
}

/// <summary>Sees each camera's raw outputs right after its decode (before a batch-1 model's next run overwrites them).</summary>
public interface IForeignOutputObserver
{
    void OnImage(int camera, int batchIndex, ForeignHeadSet heads);
}

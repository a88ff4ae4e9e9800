using Octopilot.Core.Frames;
using Octopilot.Core.Time;
using Octopilot.Inference.Engine;
using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Slabs;
using Octopilot.Testing;

namespace Octopilot.Benchmarks.Inference;

/// <summary>
/// One engine bound to a two-slab pool holding a full 8-camera set of deterministic pixels, and a lease on it held for
/// the fixture's life, so every variant runs the same model on the same bytes with the same thread count.
/// </summary>
internal sealed class InferenceFixture : IDisposable
{
    public const int Cameras = 8;

    private readonly FrameSetAssembler _assembler;
    private FrameSetLease _lease;

    public InferenceFixture(string modelPath, int intraOpThreads)
    {
        Engine = InferenceEngine.Open(
            new InferenceOptions { ModelPath = modelPath, IntraOpThreads = intraOpThreads }, MonotonicClock.Instance, TextWriter.Null);
        var mode = new CameraMode(Engine.InputWidthPx, Engine.InputHeightPx, PixelFormat.Rgb24, 15);
        Pool = new FrameSlabPool(2, Cameras, mode);
        _assembler = new FrameSetAssembler(
            Pool, new Octopilot.Pipeline.Assembly.AssemblerOptions(Cameras, TimeUnits.MsToNs(5), TimeUnits.MsToNs(50), mode.FramePeriodNs),
            Enumerable.Range(0, Cameras).Select(i => $"cam{i}").ToArray());
        for (int camera = 0; camera < Cameras; camera++)
        {
            if (!_assembler.TryBeginFrame(camera, 0, 0, 0, out FrameSlot slot))
            {
                throw new InvalidOperationException("fixture: no slot");
            }

            Span<byte> pixels = slot.Pixels;
            for (int i = 0; i < pixels.Length; i++)
            {
                pixels[i] = (byte)((i * 7) + (camera * 13));
            }

            _assembler.CompleteFrame(slot, 0);
        }

        if (!_assembler.TryTakeReady(0, out _lease))
        {
            throw new InvalidOperationException("fixture: set did not ship");
        }

        Engine.Bind(Pool, Enumerable.Range(0, Cameras).Select(i => $"cam{i}").ToArray());
        Results = Engine.CreateResults();
    }

    public InferenceEngine Engine { get; }

    public FrameSlabPool Pool { get; }

    public Octopilot.Inference.Perception.PerceptionFrameSet Results { get; }

    public ref readonly FrameSetLease Lease => ref _lease;

    public static string DefaultModelPath =>
        Path.Combine(RepositoryPaths.Root, "onnx", "models", "hydranet-tiny-288x384", "model.onnx");

    public void Dispose()
    {
        Engine.Dispose();
        _lease.Dispose();
        Pool.Dispose();
    }
}

using Octopilot.Core.Frames;
using Octopilot.Core.Time;
using Octopilot.Inference.Engine;
using Octopilot.Inference.Perception;
using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Slabs;

namespace Octopilot.Inference.Tests.Engine;

/// <summary>
/// An engine bound to a small slab pool, with a helper that assembles one set from given frames (or with cameras missing)
/// and runs it. Time is virtual: only the engine's latency stamps read the clock.
/// </summary>
internal sealed class EngineHarness : IDisposable
{
    private readonly FrameSetAssembler _assembler;
    private long _sequence;

    public EngineHarness(InferenceOptions options, int cameras, TextWriter? log = null)
    {
        Engine = InferenceEngine.Open(options, new VirtualClock(), log ?? TextWriter.Null);
        var mode = new CameraMode(Engine.InputWidthPx, Engine.InputHeightPx, PixelFormat.Rgb24, 15);
        Pool = new FrameSlabPool(3, cameras, mode);
        string[] names = Enumerable.Range(0, cameras).Select(i => $"cam{i}").ToArray();
        _assembler = new FrameSetAssembler(Pool, new AssemblerOptions(cameras, 1_000_000, 10_000_000, mode.FramePeriodNs), names);
        Engine.Bind(Pool, names);
        Results = Engine.CreateResults();
    }

    public InferenceEngine Engine { get; }

    public FrameSlabPool Pool { get; }

    public PerceptionFrameSet Results { get; }

    /// <summary>Writes <paramref name="frame"/>(camera) into each present camera's slot, ships the set and runs the engine on it.</summary>
    public void RunSet(Func<int, ReadOnlyMemory<byte>> frame, Func<int, bool>? present = null)
    {
        using FrameSetLease lease = ShipSet(frame, present);
        Engine.Run(lease, Results);
    }

    /// <summary>Writes the frames and ships the set; the caller owns the returned lease.</summary>
    public FrameSetLease ShipSet(Func<int, ReadOnlyMemory<byte>> frame, Func<int, bool>? present = null)
    {
        long startNs = ++_sequence * 100_000_000;
        for (int camera = 0; camera < Pool.CameraCount; camera++)
        {
            if (present?.Invoke(camera) == false)
            {
                continue;
            }

            Assert.True(_assembler.TryBeginFrame(camera, startNs, _sequence, startNs, out FrameSlot slot));
            frame(camera).Span.CopyTo(slot.Pixels);
            _assembler.CompleteFrame(slot, startNs);
        }

        Assert.True(_assembler.TryTakeReady(startNs + 50_000_000, out FrameSetLease lease));
        return lease;
    }

    public void Dispose()
    {
        Engine.Dispose();
        while (_assembler.TryTakeReady(long.MaxValue / 2, out FrameSetLease lease))
        {
            lease.Dispose();
        }

        Pool.Dispose();
    }
}

using Octopilot.Core.Frames;
using Octopilot.Core.Time;
using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Slabs;

namespace Octopilot.Pipeline.Tests.Infrastructure;

/// <summary>An assembler over a small pool, driven by explicit times from the test (no threads, no real clock).</summary>
internal sealed class AssemblerHarness : IDisposable
{
    public const long PeriodNs = 33_333_333;

    private AssemblerHarness(FrameSlabPool pool, FrameSetAssembler assembler)
    {
        Pool = pool;
        Assembler = assembler;
    }

    public FrameSlabPool Pool { get; }

    public FrameSetAssembler Assembler { get; }

    public static AssemblerHarness Create(int cameras = 8, int slabs = 4, double toleranceMs = 5, double deadlineMs = 25)
    {
        CameraMode mode = TestModes.Small30Fps;
        var pool = new FrameSlabPool(slabs, cameras, mode);
        var options = new AssemblerOptions(cameras, TimeUnits.MsToNs(toleranceMs), TimeUnits.MsToNs(deadlineMs), mode.FramePeriodNs);
        var assembler = new FrameSetAssembler(pool, options, TestModes.EightNames.Concat(Enumerable.Range(8, 24).Select(i => $"cam{i}")).Take(cameras).ToArray());
        return new AssemblerHarness(pool, assembler);
    }

    /// <summary>One camera delivers one frame: begin, write the pattern, complete. False when rejected.</summary>
    public bool Deliver(int camera, long startOfFrameNs, long nowNs, long sequence = 0)
    {
        if (!Assembler.TryBeginFrame(camera, startOfFrameNs, sequence, nowNs, out FrameSlot slot))
        {
            return false;
        }

        slot.Pixels.Fill(PacedCameraSource.PatternByte((byte)camera, sequence));
        Assembler.CompleteFrame(slot, nowNs);
        return true;
    }

    /// <summary>All cameras deliver frame <paramref name="sequence"/> at sequence·period (+ per-camera offsets).</summary>
    public void DeliverAll(long sequence, long nowNs, Func<int, long>? offsetNs = null)
    {
        for (int camera = 0; camera < Pool.CameraCount; camera++)
        {
            Deliver(camera, (sequence * PeriodNs) + (offsetNs?.Invoke(camera) ?? 0), nowNs, sequence);
        }
    }

    public void Dispose()
    {
        while (Assembler.TryTakeReady(long.MaxValue / 2, out FrameSetLease lease))
        {
            lease.Dispose();
        }

        Pool.Dispose();
    }
}

using System.Globalization;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;
using Octopilot.Pipeline.Capture;

namespace Octopilot.Pipeline;

/// <summary>
/// Everything the frame pipeline needs to start. Immutable; <see cref="Validate"/> runs once in the constructor of
/// <see cref="FramePipeline"/>.
/// </summary>
public sealed record PipelineOptions
{
    /// <summary>Slabs in flight: one filling, one ready, one leased by inference, one spare so a late set never blocks a new one.</summary>
    public const int DefaultSlabCount = 4;

    /// <summary>Default set deadline as a fraction of the frame period: a set waits at most ¾ of a period for stragglers,
    /// so a missing camera costs latency but never a whole frame.</summary>
    public const double DefaultDeadlineFractionOfPeriod = 0.75;

    /// <summary>Capacity of the fault channel; when full the oldest fault is dropped (counters still count every one).</summary>
    public const int FaultChannelCapacity = 256;

    public required CameraMode Mode { get; init; }

    public int SlabCount { get; init; } = DefaultSlabCount;

    public long SyncToleranceNs { get; init; } = TimeUnits.MsToNs(Assembly.AssemblerOptions.DefaultSyncToleranceMs);

    /// <summary>Set deadline; 0 means <see cref="DefaultDeadlineFractionOfPeriod"/> of the frame period.</summary>
    public long SetDeadlineNs { get; init; }

    public CaptureLoopOptions CaptureLoop { get; init; } = new();

    public long EffectiveSetDeadlineNs =>
        SetDeadlineNs > 0 ? SetDeadlineNs : (long)(Mode.FramePeriodNs * DefaultDeadlineFractionOfPeriod);

    public void Validate()
    {
        if (Mode.PixelFormat != PixelFormat.Rgb24)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"pipeline mode must be Rgb24 (the model input layout), got {Mode.PixelFormat}"), nameof(Mode));
        }

        if (SlabCount < 2 || SlabCount > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(SlabCount), SlabCount, "slab count must be 2..64");
        }
    }
}

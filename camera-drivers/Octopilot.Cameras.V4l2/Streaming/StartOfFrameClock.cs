using Octopilot.Cameras.V4l2.Interop.Linux.Libc;

namespace Octopilot.Cameras.V4l2.Streaming;

/// <summary>
/// Turns a driver's buffer timestamp into the runtime's start-of-frame time. V4L2 stamps buffers with CLOCK_MONOTONIC
/// (flag TIMESTAMP_MONOTONIC), the clock the runtime runs on, either at the start of exposure (TSTAMP_SRC_SOE) or,
/// far more often, when the last row arrived (end of frame, the default). A frame's rows take about one frame period
/// to read out when a sensor runs at its mode's rate, so an end-of-frame stamp minus one period is the start of frame
/// to within the sensor's blanking; an unknown or copied stamp is replaced by the dequeue time minus one period (worse:
/// it includes our own wake-up latency, which is why such drivers are reported in <see cref="UsedFallback"/>).
/// <paramref name="clockOffsetNs"/> moves CLOCK_MONOTONIC onto the runtime's <c>IClock</c> (0 for the real clock).
/// </summary>
internal struct StartOfFrameClock
{
    private readonly long _framePeriodNs;
    private readonly long _clockOffsetNs;

    public StartOfFrameClock(long framePeriodNs, long clockOffsetNs)
    {
        _framePeriodNs = framePeriodNs;
        _clockOffsetNs = clockOffsetNs;
        UsedFallback = false;
    }

    /// <summary>True once a buffer came without a monotonic driver timestamp.</summary>
    public bool UsedFallback { get; private set; }

    public long StartOfFrameNs(long driverTimestampNs, uint bufferFlags, long dequeuedAtNs)
    {
        if ((bufferFlags & Videodev2.V4L2_BUF_FLAG_TIMESTAMP_MASK) != Videodev2.V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC)
        {
            UsedFallback = true;
            return dequeuedAtNs - _framePeriodNs;
        }

        long monotonicNs = driverTimestampNs + _clockOffsetNs;
        return (bufferFlags & Videodev2.V4L2_BUF_FLAG_TSTAMP_SRC_MASK) == Videodev2.V4L2_BUF_FLAG_TSTAMP_SRC_SOE
            ? monotonicNs
            : monotonicNs - _framePeriodNs;
    }
}

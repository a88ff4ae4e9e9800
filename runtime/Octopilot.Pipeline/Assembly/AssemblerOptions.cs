using System.Globalization;

namespace Octopilot.Pipeline.Assembly;

/// <summary>
/// How frames are grouped into sets. Immutable; validated on construction, so an options object that exists is valid.
/// </summary>
public sealed class AssemblerOptions
{
    /// <summary>Default sync tolerance: 5 ms. Hardware-triggered automotive cameras start within ~1 ms of each other;
    /// free-running ones at 36 fps drift by up to a few ms between resyncs. Far below a frame period at any supported rate.</summary>
    public const double DefaultSyncToleranceMs = 5;

    public AssemblerOptions(int cameraCount, long syncToleranceNs, long setDeadlineNs, long framePeriodNs)
    {
        if (cameraCount < 1 || cameraCount > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(cameraCount), cameraCount, "camera count must be 1..32");
        }

        if (framePeriodNs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(framePeriodNs), framePeriodNs, "frame period must be > 0 ns");
        }

        if (syncToleranceNs < 0 || syncToleranceNs * 2 >= framePeriodNs)
        {
            throw new ArgumentOutOfRangeException(nameof(syncToleranceNs), syncToleranceNs, string.Create(CultureInfo.InvariantCulture,
                $"sync tolerance must be >= 0 and below half a frame period ({framePeriodNs / 2} ns), or two frames of one camera could match one set"));
        }

        if (setDeadlineNs <= 0 || setDeadlineNs > 4 * framePeriodNs)
        {
            throw new ArgumentOutOfRangeException(nameof(setDeadlineNs), setDeadlineNs, string.Create(CultureInfo.InvariantCulture,
                $"set deadline must be in (0, 4 frame periods = {4 * framePeriodNs} ns]: longer waits only add latency"));
        }

        CameraCount = cameraCount;
        SyncToleranceNs = syncToleranceNs;
        SetDeadlineNs = setDeadlineNs;
        FramePeriodNs = framePeriodNs;
    }

    public int CameraCount { get; }

    /// <summary>Largest spread of start-of-frame times inside one set.</summary>
    public long SyncToleranceNs { get; }

    /// <summary>How long after its first frame began arriving a set waits for the rest before it ships incomplete.</summary>
    public long SetDeadlineNs { get; }

    public long FramePeriodNs { get; }

    public uint AllCamerasMask => CameraCount == 32 ? uint.MaxValue : (1u << CameraCount) - 1;
}

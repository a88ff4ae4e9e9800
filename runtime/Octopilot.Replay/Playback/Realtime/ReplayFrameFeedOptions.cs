namespace Octopilot.Replay.Playback.Realtime;

/// <summary>How a <see cref="ReplayFrameFeed"/> reads a drive. Immutable; each value is checked when it is set.</summary>
public sealed record ReplayFrameFeedOptions
{
    /// <summary>
    /// Frames queued ahead per camera: 4 frame periods (267 ms at 15 fps) of read-ahead absorb a slow disk read or a
    /// segment switch, while 8 cameras × 4 slots of 384x288 frames stay under 11 MiB.
    /// </summary>
    public const int DefaultQueueDepth = 4;

    /// <summary>Largest queue accepted: more read-ahead than this only holds memory.</summary>
    public const int MaxQueueDepth = 64;

    private readonly int _queueDepth = DefaultQueueDepth;
    private readonly long _fromNs = long.MinValue;
    private readonly long _toNs = long.MaxValue;

    /// <summary>Frames queued ahead per camera, 1..<see cref="MaxQueueDepth"/>; default <see cref="DefaultQueueDepth"/>.</summary>
    public int QueueDepth
    {
        get => _queueDepth;
        init => _queueDepth = value is >= 1 and <= MaxQueueDepth
            ? value
            : throw new ArgumentOutOfRangeException(nameof(QueueDepth), value, $"replay queue depth must be 1..{MaxQueueDepth} frames per camera (got {value})");
    }

    /// <summary>First start of frame replayed, drive ns (inclusive); default: the drive's start.</summary>
    public long FromNs
    {
        get => _fromNs;
        init => _fromNs = value < _toNs
            ? value
            : throw new ArgumentOutOfRangeException(nameof(FromNs), value, $"replay window is empty: from {value} ns must be before to {_toNs} ns");
    }

    /// <summary>Start of frame where the replay ends, drive ns (exclusive); default: the drive's end.</summary>
    public long ToNs
    {
        get => _toNs;
        init => _toNs = value > _fromNs
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ToNs), value, $"replay window is empty: to {value} ns must be after from {_fromNs} ns");
    }
}

namespace Octopilot.Replay.Playback.Realtime;

/// <summary>Outcome of <see cref="ReplayFrameQueue.WaitForHead"/>.</summary>
internal enum QueueWait
{
    Ready,
    Ended,
    Cancelled,
}

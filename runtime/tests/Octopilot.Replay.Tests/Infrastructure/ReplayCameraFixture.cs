using Octopilot.Core.Frames;
using Octopilot.Core.Time;
using Octopilot.DriveLog.Format;
using Octopilot.Replay.Playback.Realtime;

namespace Octopilot.Replay.Tests.Infrastructure;

/// <summary>
/// A <see cref="CameraDrive"/> in a temp folder, its <see cref="ReplayFrameFeed"/> (started) and one open
/// <see cref="ReplayCameraSource"/> per camera on the given clock. Dispose stops the feed and deletes the folder.
/// </summary>
internal sealed class ReplayCameraFixture : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "octopilot-rt-replay-" + Guid.NewGuid().ToString("N"));

    public ReplayCameraFixture(IClock clock, int frames, Func<int, int, FrameDamage>? damage = null, int queueDepth = ReplayFrameFeedOptions.DefaultQueueDepth, bool open = true)
    {
        SegmentInfo info = CameraDrive.Write(_folder, frames, damage: damage);
        Feed = new ReplayFrameFeed(_folder, info, new ReplayFrameFeedOptions { QueueDepth = queueDepth });
        Cameras = Feed.CreateCameras(clock);
        if (open)
        {
            foreach (ReplayCameraSource camera in Cameras)
            {
                camera.Open(Mode);
            }
        }

        Feed.Start();
    }

    public static CameraMode Mode { get; } = new(CameraDrive.WidthPx, CameraDrive.HeightPx, PixelFormat.Rgb24, 15);

    public ReplayFrameFeed Feed { get; }

    public ReplayCameraSource[] Cameras { get; }

    /// <summary>Waits (up to 5 s) until the feed has queued <paramref name="frames"/> frames of <paramref name="camera"/>.</summary>
    public void WaitQueued(int camera, int frames)
    {
        long deadline = Environment.TickCount64 + 5_000;
        while (Feed.FramesQueued(camera) < frames)
        {
            Assert.True(Environment.TickCount64 < deadline, $"the feed queued only {Feed.FramesQueued(camera)} of {frames} frames of camera {camera} in 5 s");
            Thread.Sleep(1);
        }
    }

    public void Dispose()
    {
        foreach (ReplayCameraSource camera in Cameras)
        {
            camera.Dispose();
        }

        Feed.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

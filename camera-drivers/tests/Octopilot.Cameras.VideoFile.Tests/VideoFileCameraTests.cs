using Octopilot.Cameras.VideoFile;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;
using Octopilot.Testing;

namespace Octopilot.Cameras.VideoFile.Tests;

/// <summary>
/// The video-file camera on Udacity's real dashcam clip (1280x720 H.264, 25 fps, 38 frames): every frame arrives scaled
/// to the mode, paced at the mode's rate or as fast as possible, the end is a clean end of stream; a cut-short file, a
/// file that is no video, a missing file and a missing ffmpeg are reported, never thrown per frame.
/// </summary>
public sealed class VideoFileCameraTests
{
    private static readonly CameraMode Small = new(320, 180, PixelFormat.Rgb24, 25);

    private static string Clip
    {
        get
        {
            Assert.True(File.Exists("/usr/bin/ffmpeg") || File.Exists("/usr/local/bin/ffmpeg"), "ffmpeg is not installed: apt-get install ffmpeg (.ci/run does)");
            return SharedData.File("udacity-vehicle-detection", "test_video.mp4");
        }
    }

    [Fact]
    public void Unpaced_WholeClip_EveryFrameScaledThenEndOfStream()
    {
        using var camera = new VideoFileCamera("front", Clip, MonotonicClock.Instance, paced: false);
        camera.Open(Small);
        var frame = new byte[Small.FrameBytes];
        var statuses = new List<CaptureStatus>();
        long lastSof = long.MinValue;
        int varied = 0;
        while (statuses.Count < 200)
        {
            CaptureStatus wait = camera.WaitForFrame(CancellationToken.None, out FrameTicket ticket);
            if (wait != CaptureStatus.Ok)
            {
                statuses.Add(wait);
                break;
            }

            Assert.True(ticket.StartOfFrameNs >= lastSof);
            lastSof = ticket.StartOfFrameNs;
            CaptureStatus read = camera.ReadFrame(ticket, frame);
            statuses.Add(read);
            if (read != CaptureStatus.Ok)
            {
                break;
            }

            varied += frame.Distinct().Count() > 100 ? 1 : 0;
        }

        Assert.Equal(new VideoStreamInfo("h264", 1280, 720, 25), camera.Source);
        Assert.Equal(38, statuses.Count(s => s == CaptureStatus.Ok));
        Assert.Equal(CaptureStatus.EndOfStream, statuses[^1]);
        Assert.Equal(38, varied); // real pictures, not blank buffers
        Assert.Equal(38, camera.FramesRead);
    }

    [Fact]
    public void Paced_FramesStartOnePeriodApartAndNotBeforeTheirTime()
    {
        using var camera = new VideoFileCamera("front", Clip, MonotonicClock.Instance, paced: true);
        camera.Open(Small);
        var frame = new byte[Small.FrameBytes];
        var sofs = new List<long>();
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(CaptureStatus.Ok, camera.WaitForFrame(CancellationToken.None, out FrameTicket ticket));
            Assert.True(MonotonicClock.Instance.NowNs >= ticket.StartOfFrameNs, "a frame was handed out before its start of frame");
            Assert.Equal(i, ticket.Sequence);
            sofs.Add(ticket.StartOfFrameNs);
            if (i % 2 == 0)
            {
                Assert.Equal(CaptureStatus.Ok, camera.ReadFrame(ticket, frame));
            }
            else
            {
                camera.SkipFrame(ticket); // the pipe is still drained: the next frame is the next one
            }
        }

        Assert.All(sofs.Zip(sofs.Skip(1)), p => Assert.Equal(Small.FramePeriodNs, p.Second - p.First));
    }

    [Fact]
    public void ReadFrame_SteadyState_AllocatesNothing()
    {
        using var camera = new VideoFileCamera("front", Clip, MonotonicClock.Instance, paced: false);
        camera.Open(Small);
        var frame = new byte[Small.FrameBytes];
        for (int i = 0; i < 5; i++)
        {
            camera.WaitForFrame(CancellationToken.None, out FrameTicket t);
            camera.ReadFrame(t, frame);
        }

        int ok = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            camera.WaitForFrame(CancellationToken.None, out FrameTicket t);
            ok += camera.ReadFrame(t, frame) == CaptureStatus.Ok ? 1 : 0; // no Assert in the loop: it boxes the enum
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(20, ok);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void TruncatedFile_SomeFramesThenAnEndNeverAnException()
    {
        string cut = Path.Combine(Path.GetTempPath(), $"octopilot-cut-{Guid.NewGuid():N}.mp4");
        byte[] whole = File.ReadAllBytes(Clip);
        File.WriteAllBytes(cut, whole.AsSpan(0, whole.Length / 3).ToArray());
        try
        {
            using var camera = new VideoFileCamera("front", cut, MonotonicClock.Instance, paced: false);
            CaptureStatus last = CaptureStatus.Ok;
            int frames = 0;
            try
            {
                camera.Open(Small);
            }
            catch (CameraException e)
            {
                // An MP4 cut before its index (moov) is no video at all: refused at open, naming the file.
                Assert.Contains(cut, e.Message, StringComparison.Ordinal);
                return;
            }

            var frame = new byte[Small.FrameBytes];
            while (frames < 200 && last == CaptureStatus.Ok)
            {
                last = camera.WaitForFrame(CancellationToken.None, out FrameTicket t);
                if (last == CaptureStatus.Ok)
                {
                    last = camera.ReadFrame(t, frame);
                    frames += last == CaptureStatus.Ok ? 1 : 0;
                }
            }

            Assert.True(frames < 38, $"{frames} frames from a third of the file");
            Assert.True(last is CaptureStatus.EndOfStream or CaptureStatus.CorruptFrame, $"ended with {last}");
        }
        finally
        {
            File.Delete(cut);
        }
    }

    [Fact]
    public void Open_FileThatIsNoVideo_RefusedNamingTheFile()
    {
        string text = SharedData.File("udacity-vehicle-detection", "SOURCE.md");
        using var camera = new VideoFileCamera("front", text, MonotonicClock.Instance);
        _ = Clip;

        CameraException e = Assert.Throws<CameraException>(() => camera.Open(Small));

        Assert.Contains("camera front", e.Message, StringComparison.Ordinal);
        Assert.Contains("SOURCE.md", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingFileOrMissingFfmpeg_RefusedSayingWhatToDo()
    {
        using var missing = new VideoFileCamera("front", "/nonexistent/drive.mp4", MonotonicClock.Instance);
        Assert.Contains("video file not found", Assert.Throws<CameraException>(() => missing.Open(Small)).Message, StringComparison.Ordinal);

        using var noTool = new VideoFileCamera("front", Clip, MonotonicClock.Instance, ffprobe: "/nonexistent/ffprobe");
        Assert.Contains("apt-get install ffmpeg", Assert.Throws<CameraException>(() => noTool.Open(Small)).Message, StringComparison.Ordinal);
    }
}

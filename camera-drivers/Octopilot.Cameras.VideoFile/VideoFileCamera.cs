using System.Diagnostics;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;

namespace Octopilot.Cameras.VideoFile;

/// <summary>
/// Plays a video file as a camera: Debian's <c>ffmpeg</c> decodes it in a child process, resamples it to the camera
/// mode's rate and size (<c>-vf fps=…,scale=W:H</c>) and writes raw RGB24 frames to a pipe; <see cref="ReadFrame"/> reads
/// each frame from the pipe straight into the caller's slab (read(2) on the pipe's descriptor: the kernel's copy out of
/// the pipe is the only one; no managed buffer in between, which is why this does not go through System.IO.Pipelines,
/// whose segments would add a copy). Paced: frame n's start of frame is the first frame's + n periods and
/// <see cref="WaitForFrame"/> sleeps until it is due (a camera at the file's rate); unpaced: as fast as ffmpeg decodes
/// (replay). The end of the file is <see cref="CaptureStatus.EndOfStream"/>; a frame cut short is
/// <see cref="CaptureStatus.CorruptFrame"/> (then the end). Opening refuses, naming camera and file: ffmpeg missing, no
/// such file, not a video. One thread owns it; allocates nothing per frame.
/// </summary>
public sealed class VideoFileCamera : ICameraSource
{
    private readonly string _path;
    private readonly IClock _clock;
    private readonly bool _paced;
    private readonly string _ffmpeg;
    private readonly string _ffprobe;
    private readonly long? _scheduledFirstStartOfFrameNs;
    private Process? _process;
    private Stream? _frames;
    private System.IO.Pipes.PipeStream? _pipe;
    private byte[] _skipBuffer = [];
    private long _firstStartOfFrameNs;
    private long _periodNs;
    private long _sequence;
    private bool _ended;

    /// <param name="firstStartOfFrameNs">Paced only: the start of frame of the first frame (to line it up with other
    /// cameras of a rig); null: the time of <see cref="Open"/>.</param>
    public VideoFileCamera(
        string name, string path, IClock clock, bool paced = true, string ffmpeg = "ffmpeg", string ffprobe = "ffprobe", long? firstStartOfFrameNs = null)
    {
        _scheduledFirstStartOfFrameNs = firstStartOfFrameNs;
        Name = name;
        _path = path;
        _clock = clock;
        _paced = paced;
        _ffmpeg = ffmpeg;
        _ffprobe = ffprobe;
    }

    /// <summary>How long <see cref="Open"/> waits for ffmpeg's first frame, and a frame may take to arrive later, ms.</summary>
    public const int FirstFrameTimeoutMs = 10_000;

    public string Name { get; }

    public CameraMode Mode { get; private set; }

    /// <summary>The file it plays.</summary>
    public string FilePath => _path;

    /// <summary>The file's own stream (size, rate, codec), known after <see cref="Open"/>.</summary>
    public VideoStreamInfo? Source { get; private set; }

    /// <summary>Frames read so far.</summary>
    public long FramesRead => _sequence;

    public void Open(CameraMode mode)
    {
        if (mode.PixelFormat != PixelFormat.Rgb24)
        {
            throw new CameraException($"camera {Name}: a video file is delivered as Rgb24 (asked for {mode.PixelFormat})");
        }

        Source = VideoStreamInfo.Probe(Name, _path, _ffprobe);
        _process = FfmpegTool.Start(Name, _ffmpeg,
        [
            "-nostdin", "-v", "error", "-i", _path,
            "-vf", FormattableString.Invariant($"fps={mode.FramesPerSecond},scale={mode.WidthPx}:{mode.HeightPx}"),
            "-pix_fmt", "rgb24", "-f", "rawvideo", "pipe:1",
        ]);

        // ffmpeg's complaints are drained (so it never blocks on a full stderr pipe) and kept for the fault message.
        _process.ErrorDataReceived += (_, e) => LastError = e.Data ?? LastError;
        _process.BeginErrorReadLine();
        _frames = _process.StandardOutput.BaseStream;

        // Read the pipe through its descriptor: PipeStream.Read allocated now and then (56 B over 20 frames measured).
        _pipe = _frames as System.IO.Pipes.PipeStream;
        _skipBuffer = new byte[mode.FrameBytes];
        Mode = mode;
        _periodNs = mode.FramePeriodNs;
        // ffmpeg takes a few hundred ms to start decoding: wait for its first bytes here, so a paced first frame is not late.
        if (_pipe is not null && OperatingSystem.IsLinux()
            && Core.Interop.Linux.Libc.LibcPoll.WaitOne(PipeFd, Core.Interop.Linux.Libc.LibcPoll.POLLIN, FirstFrameTimeoutMs, out _) <= 0)
        {
            throw new CameraException($"camera {Name}: ffmpeg produced no frame of {_path} within {FirstFrameTimeoutMs} ms{(LastError is null ? string.Empty : $": {LastError}")}");
        }

        _firstStartOfFrameNs = _scheduledFirstStartOfFrameNs ?? _clock.NowNs;
        _sequence = 0;
        _ended = false;
    }

    /// <summary>ffmpeg's last line on stderr (its reason when a file is cut short or damaged).</summary>
    public string? LastError { get; private set; }

    public CaptureStatus WaitForFrame(CancellationToken cancellationToken, out FrameTicket ticket)
    {
        ticket = default;
        if (_frames is null || _ended)
        {
            return _ended ? CaptureStatus.EndOfStream : CaptureStatus.Disconnected;
        }

        long startOfFrameNs = _paced ? _firstStartOfFrameNs + (_sequence * _periodNs) : _clock.NowNs;
        if (_paced && !_clock.SleepUntil(startOfFrameNs, cancellationToken))
        {
            return CaptureStatus.Stopped;
        }

        // The end of the file is found here, not in ReadFrame: a pipe that polls as hung up without data is finished.
        if (_pipe is not null && OperatingSystem.IsLinux())
        {
            int events = Core.Interop.Linux.Libc.LibcPoll.WaitOne(PipeFd, Core.Interop.Linux.Libc.LibcPoll.POLLIN, FirstFrameTimeoutMs, out _);
            if (events <= 0)
            {
                return CaptureStatus.Timeout;
            }

            if ((events & Core.Interop.Linux.Libc.LibcPoll.POLLIN) == 0)
            {
                _ended = true;
                return CaptureStatus.EndOfStream;
            }
        }

        ticket = new FrameTicket(startOfFrameNs, _sequence);
        return CaptureStatus.Ok;
    }

    public CaptureStatus ReadFrame(in FrameTicket ticket, Span<byte> destinationRgb24)
    {
        int frameBytes = Mode.FrameBytes;
        if (destinationRgb24.Length < frameBytes)
        {
            return CaptureStatus.CorruptFrame;
        }

        return Read(destinationRgb24[..frameBytes]);
    }

    /// <summary>read(2) from ffmpeg's pipe into the slab: the kernel copies each frame out of the pipe buffer once.</summary>
    public FrameTransfer Transfer => new(FrameTransferKind.ReadFromPipe, Mode.FrameBytes, Mode.FrameBytes);

    public void SkipFrame(in FrameTicket ticket) => Read(_skipBuffer);

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the kill.
            }
        }

        _process?.Dispose();
        _process = null;
        _frames = null;
        _pipe = null;
    }

    private int PipeFd => (int)_pipe!.SafePipeHandle.DangerousGetHandle();

    private CaptureStatus Read(Span<byte> destination)
    {
        if (_frames is null || _ended)
        {
            return CaptureStatus.EndOfStream;
        }

        int read = 0;
        while (read < destination.Length)
        {
            int n = _pipe is not null && OperatingSystem.IsLinux()
                ? Interop.Linux.Libc.LibcUnistd.Read(PipeFd, destination[read..], out _)
                : _frames.Read(destination[read..]);
            if (n <= 0)
            {
                break; // end of file, or a read error: the frame is cut short either way
            }

            read += n;
        }

        if (read == destination.Length)
        {
            _sequence++;
            return CaptureStatus.Ok;
        }

        _ended = true;
        return read == 0 ? CaptureStatus.EndOfStream : CaptureStatus.CorruptFrame;
    }
}

using Octopilot.Cameras;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;

namespace Octopilot.Pipeline.Tests.Infrastructure;

/// <summary>
/// A camera that delivers frame k at start + phase + k·period on the given clock, stamps it with exactly that time,
/// and fills the frame with a byte pattern that encodes (camera, sequence), so a test can check that every slot holds
/// the right camera's right frame. Optional fault injection: every Nth frame fails with a status; optional end after N frames.
/// </summary>
internal sealed class PacedCameraSource : ICameraSource
{
    private readonly IClock _clock;
    private readonly byte _cameraTag;
    private readonly long _startNs;
    private readonly long _phaseNs;
    private long _periodNs;
    private long _nextSequence;

    public PacedCameraSource(string name, byte cameraTag, IClock clock, long startNs, long phaseNs = 0)
    {
        Name = name;
        _cameraTag = cameraTag;
        _clock = clock;
        _startNs = startNs;
        _phaseNs = phaseNs;
    }

    public string Name { get; }

    public CameraMode Mode { get; private set; }

    public int FailEveryNthRead { get; init; }

    public CaptureStatus InjectedReadFailure { get; init; } = CaptureStatus.CorruptFrame;

    /// <summary>Frames delivered before <see cref="CaptureStatus.EndOfStream"/> (a recording that ends); 0 = never ends.</summary>
    public long EndAfterFrames { get; init; }

    public long FramesRead { get; private set; }

    public long FramesSkipped { get; private set; }

    public void Open(CameraMode mode)
    {
        Mode = mode;
        _periodNs = mode.FramePeriodNs;
    }

    public CaptureStatus WaitForFrame(CancellationToken cancellationToken, out FrameTicket ticket)
    {
        if (EndAfterFrames > 0 && _nextSequence >= EndAfterFrames)
        {
            ticket = default;
            return CaptureStatus.EndOfStream;
        }

        long sequence = _nextSequence++;
        long startOfFrameNs = _startNs + _phaseNs + (sequence * _periodNs);
        if (!_clock.SleepUntil(startOfFrameNs, cancellationToken))
        {
            ticket = default;
            return CaptureStatus.Stopped;
        }

        ticket = new FrameTicket(startOfFrameNs, sequence);
        return CaptureStatus.Ok;
    }

    public CaptureStatus ReadFrame(in FrameTicket ticket, Span<byte> destinationRgb24)
    {
        FramesRead++;
        if (FailEveryNthRead > 0 && FramesRead % FailEveryNthRead == 0)
        {
            return InjectedReadFailure;
        }

        destinationRgb24.Fill(PatternByte(_cameraTag, ticket.Sequence));
        destinationRgb24[0] = _cameraTag;
        return CaptureStatus.Ok;
    }

    public void SkipFrame(in FrameTicket ticket) => FramesSkipped++;

    public void Dispose()
    {
    }

    public static byte PatternByte(byte cameraTag, long sequence) => (byte)((cameraTag * 31) + sequence);
}

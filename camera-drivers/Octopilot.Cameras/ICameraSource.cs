using Octopilot.Core.Frames;

namespace Octopilot.Cameras;

/// <summary>
/// One camera. A capture loop drives it from a single dedicated thread in two phases:
/// <list type="number">
/// <item><see cref="WaitForFrame"/> blocks until the next frame exists and says when it started (monotonic
/// start-of-frame) and its sequence number, before any pixel moves;</item>
/// <item>the loop picks the destination (the camera's slot in a frame slab, chosen by that timestamp) and calls
/// <see cref="ReadFrame"/>, which writes the frame as RGB24 straight into it, or <see cref="SkipFrame"/> to give it up.</item>
/// </list>
/// Splitting the two is what makes zero copy possible: the timestamp decides which frame set the pixels belong to,
/// and the pixels are then produced in place (rendered, or colour-converted out of a driver buffer) exactly once.
/// Implementations allocate nothing per frame, never throw for expected per-frame failures (they return a status),
/// and are not thread-safe: one thread owns a source from <see cref="Open"/> to <see cref="IDisposable.Dispose"/>.
/// </summary>
public interface ICameraSource : IDisposable
{
    /// <summary>Camera name, equal to its name in the rig.</summary>
    string Name { get; }

    /// <summary>The mode the source was opened with; undefined before <see cref="Open"/>.</summary>
    CameraMode Mode { get; }

    /// <summary>
    /// Opens the device in <paramref name="mode"/> and starts streaming. Throws <see cref="CameraException"/> when the
    /// device is absent or cannot deliver that mode, naming the camera, the mode and what it supports.
    /// </summary>
    void Open(CameraMode mode);

    /// <summary>
    /// Blocks until the next frame is available or <paramref name="cancellationToken"/> fires. On
    /// <see cref="CaptureStatus.Ok"/> the ticket holds the frame's start-of-frame time and sequence number and must be
    /// passed to exactly one of <see cref="ReadFrame"/> or <see cref="SkipFrame"/> before the next wait.
    /// </summary>
    CaptureStatus WaitForFrame(CancellationToken cancellationToken, out FrameTicket ticket);

    /// <summary>
    /// Writes the frame of <paramref name="ticket"/> into <paramref name="destinationRgb24"/> as packed RGB24 rows,
    /// exactly <c>Mode.WidthPx * Mode.HeightPx * 3</c> bytes. The destination is borrowed for the duration of the call
    /// only. Returns a failure status (and leaves the destination undefined) for a corrupt or truncated frame.
    /// </summary>
    CaptureStatus ReadFrame(in FrameTicket ticket, Span<byte> destinationRgb24);

    /// <summary>Gives the ticket's frame back to the device unread (the pipeline had no room for it).</summary>
    void SkipFrame(in FrameTicket ticket);

    /// <summary>How a frame reaches the slab and how many bytes that copies; valid after <see cref="Open"/>.</summary>
    FrameTransfer Transfer => FrameTransfer.Unknown;
}

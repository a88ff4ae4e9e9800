namespace Octopilot.Cameras;

/// <summary>
/// A frame that exists but has not been read yet. Valid until it is handed to <see cref="ICameraSource.ReadFrame"/>
/// or <see cref="ICameraSource.SkipFrame"/>.
/// </summary>
/// <param name="StartOfFrameNs">Monotonic time the exposure of the first row started (CLOCK_MONOTONIC / IClock).</param>
/// <param name="Sequence">Frame counter of the device, 0 for the first frame after Open (as V4L2 counts from STREAMON);
/// a gap means the device itself dropped frames.</param>
/// <param name="DriverSlot">Driver-private handle of the buffer that holds the frame (V4L2 buffer index); −1 when unused.</param>
public readonly record struct FrameTicket(long StartOfFrameNs, long Sequence, int DriverSlot = -1);

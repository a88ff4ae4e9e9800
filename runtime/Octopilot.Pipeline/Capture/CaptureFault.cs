using Octopilot.Cameras;

namespace Octopilot.Pipeline.Capture;

/// <summary>
/// One failed capture step, posted to the pipeline's fault channel (a struct: posting allocates nothing).
/// </summary>
/// <param name="Camera">Rig index of the camera.</param>
/// <param name="Status">What failed.</param>
/// <param name="TimeNs">Clock time the failure was seen.</param>
/// <param name="Sequence">Device sequence number of the frame involved, or −1 when no frame was involved.</param>
public readonly record struct CaptureFault(int Camera, CaptureStatus Status, long TimeNs, long Sequence);

namespace Octopilot.Cameras;

/// <summary>Outcome of one capture step. Expected failures are statuses, not exceptions, so the loop never allocates.</summary>
public enum CaptureStatus
{
    /// <summary>The step succeeded.</summary>
    Ok = 0,

    /// <summary>Cancellation was requested; the loop stops.</summary>
    Stopped,

    /// <summary>No frame arrived within the device timeout (cable, trigger or sensor fault).</summary>
    Timeout,

    /// <summary>The device flagged the frame as corrupt or it had the wrong size.</summary>
    CorruptFrame,

    /// <summary>The device returned an I/O error; the loop may retry after a back-off.</summary>
    DeviceError,

    /// <summary>The device is gone (unplugged); the loop ends and the camera is reported missing in every set.</summary>
    Disconnected,

    /// <summary>
    /// The device went away (unplugged, driver unbound, stream stalled) and the source will try to reopen it with
    /// back-off: the loop marks the camera offline and keeps waiting; the first frame after a reopen brings it back.
    /// </summary>
    DeviceLost,

    /// <summary>
    /// The source has no more frames and never will (a recorded drive has ended): the loop ends cleanly, without
    /// counting an error or posting a fault. Live devices never return it.
    /// </summary>
    EndOfStream,
}

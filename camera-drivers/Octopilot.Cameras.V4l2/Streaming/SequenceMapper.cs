namespace Octopilot.Cameras.V4l2.Streaming;

/// <summary>
/// Maps the driver's 32-bit sequence numbers onto the camera's own frame numbers, which start at 0 at Open and keep
/// counting across device losses (the capture loop reads a jump as frames the device dropped). Within one stream the
/// number advances by the driver's difference (unsigned, so a 2^32 wrap is one step); after a reopen the driver starts
/// again from its own number, and the frames missed while the device was away are estimated from the time between the
/// last frame before the loss and the first after it, so they are counted as gaps instead of vanishing.
/// </summary>
internal struct SequenceMapper
{
    private bool _started;
    private uint _lastDriverSequence;
    private long _lastSequence;
    private long _lastStartOfFrameNs;
    private bool _restarted;

    /// <summary>The driver's numbering restarts (device reopened): the next frame is placed by time, not by number.</summary>
    public void Restart() => _restarted = _started;

    /// <summary>The camera's frame number for a frame the driver numbered <paramref name="driverSequence"/>.</summary>
    public long Next(uint driverSequence, long startOfFrameNs, long framePeriodNs)
    {
        long sequence;
        if (!_started)
        {
            sequence = 0;
            _started = true;
        }
        else if (_restarted)
        {
            long elapsedNs = startOfFrameNs - _lastStartOfFrameNs;
            long periods = framePeriodNs > 0 ? (elapsedNs + (framePeriodNs / 2)) / framePeriodNs : 1;
            sequence = _lastSequence + Math.Max(1, periods);
            _restarted = false;
        }
        else
        {
            sequence = _lastSequence + Math.Max(1u, unchecked(driverSequence - _lastDriverSequence));
        }

        _lastDriverSequence = driverSequence;
        _lastSequence = sequence;
        _lastStartOfFrameNs = startOfFrameNs;
        return sequence;
    }
}

namespace Octopilot.Vehicle.Can.Sources;

/// <summary>How a <see cref="ICanFrameSource.Read"/> ended.</summary>
public enum CanReadStatus : byte
{
    /// <summary>A frame was written to the caller's frame.</summary>
    Frame = 0,

    /// <summary>No frame within the timeout; try again (the bus may be quiet).</summary>
    TimedOut = 1,

    /// <summary>The source has no more frames, ever (end of a log). A live bus never says this.</summary>
    EndOfStream = 2,

    /// <summary>The cancellation token fired while waiting.</summary>
    Cancelled = 3,
}

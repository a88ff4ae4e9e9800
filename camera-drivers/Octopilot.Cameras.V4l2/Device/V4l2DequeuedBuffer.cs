namespace Octopilot.Cameras.V4l2.Device;

/// <summary>A filled buffer taken from the driver (VIDIOC_DQBUF): which one, how many bytes it holds, its flags, the
/// driver's timestamp (ns, in the clock its flags name) and its sequence number.</summary>
public readonly record struct V4l2DequeuedBuffer(int Index, int BytesUsed, uint Flags, long TimestampNs, uint Sequence);

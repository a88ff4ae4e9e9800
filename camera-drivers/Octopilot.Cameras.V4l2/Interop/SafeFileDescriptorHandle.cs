using System.Runtime.InteropServices;
using Octopilot.Cameras.V4l2.Interop.Linux.Libc;

namespace Octopilot.Cameras.V4l2.Interop;

/// <summary>An open file descriptor (a device node, or an exported DMABUF); closing it (Dispose, or the finalizer if forgotten) releases the
/// device's buffers and stops streaming in the kernel, so a leaked handle keeps the camera busy (EBUSY) for others.</summary>
internal sealed class SafeFileDescriptorHandle : SafeHandle
{
    public SafeFileDescriptorHandle(int fd)
        : base(invalidHandleValue: -1, ownsHandle: true)
    {
        SetHandle(fd);
    }

    public override bool IsInvalid => handle == -1;

    /// <summary>The descriptor as the int the syscalls take; valid until Dispose.</summary>
    public int Fd => (int)handle;

    protected override bool ReleaseHandle() => LibcFcntl.close((int)handle) == 0;
}

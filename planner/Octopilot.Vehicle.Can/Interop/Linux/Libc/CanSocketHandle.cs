using System.Runtime.InteropServices;

namespace Octopilot.Vehicle.Can.Interop.Linux.Libc;

/// <summary>
/// A raw CAN socket's descriptor. Closing waits for calls in flight (a read or poll on another thread keeps a
/// reference), so the descriptor number is never closed under a call and reused by another open.
/// </summary>
internal sealed class CanSocketHandle : SafeHandle
{
    /// <summary>For the interop marshaller, which sets the descriptor socket() returned.</summary>
    public CanSocketHandle()
        : base(invalidHandleValue: -1, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == -1;

    /// <summary>The descriptor for a struct that carries it (pollfd); only while a reference is held (DangerousAddRef).</summary>
    public int DangerousGetFd() => (int)DangerousGetHandle();

    protected override bool ReleaseHandle() => LibcUnistd.close((int)handle) == 0;
}

using System.Runtime.InteropServices;
using Octopilot.Cameras.V4l2.Interop.Linux.Libc;

namespace Octopilot.Cameras.V4l2.Interop;

/// <summary>One mmap'ed driver buffer: the address and its length, unmapped on Dispose (or by the finalizer if
/// forgotten: a leaked mapping pins the driver's buffer, and REQBUFS(0) then fails with EBUSY).</summary>
internal sealed unsafe class SafeMappingHandle : SafeHandle
{
    private SafeMappingHandle(nint address, nuint lengthBytes)
        : base(invalidHandleValue: LibcMman.MAP_FAILED, ownsHandle: true)
    {
        SetHandle(address);
        LengthBytes = lengthBytes;
    }

    public override bool IsInvalid => handle == LibcMman.MAP_FAILED || handle == 0;

    public nuint LengthBytes { get; }

    /// <summary>Maps <paramref name="lengthBytes"/> at <paramref name="offset"/> of the device, read-only (we only read
    /// frames); returns null with the errno when mmap fails.</summary>
    public static SafeMappingHandle? Map(int fd, uint offset, uint lengthBytes, out int errno)
    {
        nint address = LibcMman.mmap(0, lengthBytes, LibcMman.PROT_READ, LibcMman.MAP_SHARED, fd, offset);
        if (address == LibcMman.MAP_FAILED)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }

        errno = 0;
        return new SafeMappingHandle(address, lengthBytes);
    }

    /// <summary>The mapped bytes; valid until Dispose.</summary>
    public ReadOnlySpan<byte> Bytes(int lengthBytes) => new((void*)handle, Math.Min(lengthBytes, (int)LengthBytes));

    protected override bool ReleaseHandle() => LibcMman.munmap(handle, LengthBytes) == 0;
}

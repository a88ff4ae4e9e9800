using System.Runtime.InteropServices;

namespace Octopilot.Cameras.V4l2.Interop.Linux.Libc;

/// <summary>sys/mman.h: map a driver buffer into this process. Native names kept.</summary>
internal static unsafe partial class LibcMman
{
    public const int PROT_READ = 0x1;
    public const int PROT_WRITE = 0x2;
    public const int MAP_SHARED = 0x01;

    /// <summary>mmap's failure value, (void*)-1.</summary>
    public static readonly nint MAP_FAILED = -1;

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    public static partial nint mmap(nint address, nuint length, int protection, int flags, int fd, long offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    public static partial int munmap(nint address, nuint length);
}

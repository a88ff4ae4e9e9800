using System.Runtime.InteropServices;

namespace Octopilot.Vehicle.Can.Interop.Linux.Libc;

/// <summary>sys/socket.h: the calls that open and bind a raw CAN socket. Native names kept; no allocation per call.</summary>
internal static unsafe partial class LibcSocket
{
    /// <summary>PF_CAN = AF_CAN (29 on every Linux architecture).</summary>
    public const int PF_CAN = 29;

    public const ushort AF_CAN = PF_CAN;

    public const int SOCK_RAW = 3;

    /// <summary>O_NONBLOCK (the generic value; x86-64 and arm64 both use it): reads and writes never block.</summary>
    public const int SOCK_NONBLOCK = 0x800;

    /// <summary>O_CLOEXEC: the socket does not leak into child processes (ffmpeg, helpers).</summary>
    public const int SOCK_CLOEXEC = 0x80000;

    /// <summary>Returns the new socket (invalid on failure, errno set).</summary>
    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    public static partial CanSocketHandle socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "bind", SetLastError = true)]
    public static partial int bind(CanSocketHandle sockfd, LibcCan.sockaddr_can* addr, uint addrlen);
}

using System.Runtime.InteropServices;

namespace Octopilot.Cameras.VideoFile.Interop.Linux.Libc;

/// <summary>unistd.h read(2) on a pipe's descriptor: into the caller's buffer, no managed allocation per call.</summary>
internal static unsafe partial class LibcUnistd
{
    /// <summary>errno for a call interrupted by a signal before it read anything: retry.</summary>
    public const int EINTR = 4;

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint read(int fd, byte* buffer, nint count);

    /// <summary>Bytes read (0 at end of file), retrying on EINTR; −1 with the errno for any other failure.</summary>
    public static int Read(int fd, Span<byte> buffer, out int errno)
    {
        fixed (byte* p = buffer)
        {
            while (true)
            {
                nint n = read(fd, p, buffer.Length);
                if (n >= 0)
                {
                    errno = 0;
                    return (int)n;
                }

                errno = Marshal.GetLastPInvokeError();
                if (errno != EINTR)
                {
                    return -1;
                }
            }
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Octopilot.Vehicle.Can.Interop.Linux.Libc;

/// <summary>
/// errno values (errno.h, Linux generic numbering) the SocketCAN calls act on or report, and the one way a failed
/// call becomes an exception: call, errno by name and text, what it was for, and what to do.
/// </summary>
internal static class Errno
{
    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int ENODEV = 19;
    public const int EAFNOSUPPORT = 97;
    public const int ENETDOWN = 100;
    public const int ENOBUFS = 105;

    /// <summary>"ENODEV (19)"; numbers without a name here as "errno 95".</summary>
    public static string Name(int errno) => errno switch
    {
        EINTR => "EINTR (4)",
        EAGAIN => "EAGAIN (11)",
        ENODEV => "ENODEV (19)",
        EAFNOSUPPORT => "EAFNOSUPPORT (97)",
        ENETDOWN => "ENETDOWN (100)",
        ENOBUFS => "ENOBUFS (105)",
        _ => "errno " + errno.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Throws when <paramref name="rc"/> is negative (the libc failure convention), reading errno. The strings are
    /// the caller's (built once), so a call that succeeds allocates nothing.
    /// </summary>
    public static void ThrowIfFailed(long rc, string call, string subject, string? remedy = null)
    {
        if (rc < 0)
        {
            Throw(Marshal.GetLastPInvokeError(), call, subject, remedy);
        }
    }

    /// <summary>"SocketCAN interface 'vcan0': read failed with ENETDOWN (100, Network is down)[: remedy]".</summary>
    [DoesNotReturn]
    public static void Throw(int errno, string call, string subject, string? remedy = null) =>
        throw new IOException(
            $"{subject}: {call} failed with {Name(errno)}, {Marshal.GetPInvokeErrorMessage(errno)}{(remedy is null ? "" : ": " + remedy)}");
}

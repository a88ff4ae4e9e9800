using System.Globalization;

namespace Octopilot.Planner.Tick.Interop.Linux.Libc;

/// <summary>errno values (errno.h, Linux generic numbering) that the scheduler calls return, for messages.</summary>
internal static class Errno
{
    public const int EPERM = 1;
    public const int ESRCH = 3;
    public const int EFAULT = 14;
    public const int EINVAL = 22;

    /// <summary>"EPERM (1)"; unknown numbers as "errno 95".</summary>
    public static string Name(int errno) => errno switch
    {
        EPERM => "EPERM (1)",
        ESRCH => "ESRCH (3)",
        EFAULT => "EFAULT (14)",
        EINVAL => "EINVAL (22)",
        _ => "errno " + errno.ToString(CultureInfo.InvariantCulture),
    };
}

namespace Octopilot.Cameras.V4l2.Interop.Linux.Libc;

/// <summary>asm-generic/errno-base.h values this driver reacts to (the same on x86-64 and arm64), and their names for messages.</summary>
internal static class Errno
{
    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int EIO = 5;
    public const int ENXIO = 6;
    public const int EAGAIN = 11;
    public const int ENOMEM = 12;
    public const int EACCES = 13;
    public const int EBUSY = 16;
    public const int ENODEV = 19;
    public const int EINVAL = 22;
    public const int ENOTTY = 25;
    public const int EPIPE = 32;

    /// <summary>Errors that mean the device itself is gone (unplugged, driver unbound): reopen later, never spin on it.</summary>
    public static bool MeansDeviceGone(int errno) => errno is ENODEV or ENXIO or ENOENT;

    /// <summary>"ENODEV (No such device)": the symbolic name with the C library's text.</summary>
    public static string Describe(int errno)
    {
        string name = errno switch
        {
            ENOENT => "ENOENT",
            EINTR => "EINTR",
            EIO => "EIO",
            ENXIO => "ENXIO",
            EAGAIN => "EAGAIN",
            ENOMEM => "ENOMEM",
            EACCES => "EACCES",
            EBUSY => "EBUSY",
            ENODEV => "ENODEV",
            EINVAL => "EINVAL",
            ENOTTY => "ENOTTY",
            EPIPE => "EPIPE",
            _ => "errno " + errno.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return $"{name} ({System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(errno)})";
    }
}

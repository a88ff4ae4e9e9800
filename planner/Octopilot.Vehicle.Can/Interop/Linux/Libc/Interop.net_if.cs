using System.Runtime.InteropServices;

namespace Octopilot.Vehicle.Can.Interop.Linux.Libc;

/// <summary>net/if.h: an interface's index from its name (once, at open; the name is marshalled, so it allocates).</summary>
internal static partial class LibcNetIf
{
    /// <summary>The index (&gt; 0), or 0 with errno set (ENODEV: no such interface).</summary>
    [LibraryImport("libc", EntryPoint = "if_nametoindex", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial uint if_nametoindex(string ifname);
}

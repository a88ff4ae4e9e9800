using System.Globalization;

namespace Octopilot.KernelTests.Infrastructure;

/// <summary>
/// A vcan interface of its own for one test (<c>vcan-kt1</c>, <c>vcan-kt2</c>, ...), up while the object lives: every
/// raw socket bound to it sees every frame the others write, like one CAN bus. Created with modprobe vcan and ip(8)
/// from the host's userland; deleted on Dispose. Its own name per test, so a frame left over from one test can never
/// reach the next.
/// </summary>
internal sealed class VirtualCanBus : IDisposable
{
    /// <summary>
    /// 4 MiB for every new socket's receive queue in the guest (the kernel's default, 212,992 bytes, holds 278 CAN
    /// frames, measured: 0.31 s of the RAV4's 900 Hz bus). The emulated guest stalls a thread for a few hundred ms at a
    /// time (JIT, the host's load), which on a car would be a fault of its own; the tests judge decoding, not the
    /// emulator's speed, so the queue is made deep enough (~6 s) that a stall does not drop frames.
    /// </summary>
    private const string GuestReceiveQueueBytes = "4194304";

    private static int s_created;

    public VirtualCanBus()
    {
        KernelGuest.Require();
        File.WriteAllText("/proc/sys/net/core/rmem_default", GuestReceiveQueueBytes);
        KernelGuest.LoadModule("vcan");
        KernelGuest.LoadModule("can_raw"); // the kernel would load it on the first socket(PF_CAN); loaded here so a failure says which
        Name = "vcan-kt" + Interlocked.Increment(ref s_created).ToString(CultureInfo.InvariantCulture);
        KernelGuest.Run("ip", "link", "add", "dev", Name, "type", "vcan");
        KernelGuest.Run("ip", "link", "set", "up", Name);
    }

    /// <summary>The interface name to open a <c>SocketCanFrameSource</c> on.</summary>
    public string Name { get; }

    public void Dispose() => KernelGuest.Run("ip", "link", "del", "dev", Name);
}

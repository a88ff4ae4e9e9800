using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Octopilot.Vehicle.Can.Interop.Linux.Libc;

namespace Octopilot.Vehicle.Can.Tests.Interop;

/// <summary>
/// The SocketCAN structs as the kernel's UAPI lays them out (linux/can.h): a wrong size or offset would be read and
/// written by the kernel without complaint, so it is pinned here, on any machine. The round trip through a real kernel
/// is in tests/Octopilot.KernelTests.
/// </summary>
public class SocketCanLayoutTests
{
    [Fact]
    public void CanFrame_Layout_IsTheKernelsSixteenBytesWithDataAtEight()
    {
        Assert.Equal(LibcCan.CAN_MTU, Unsafe.SizeOf<LibcCan.can_frame>());
        Assert.Equal(16, Marshal.SizeOf<LibcCan.can_frame>());
        Assert.Equal(0, Marshal.OffsetOf<LibcCan.can_frame>(nameof(LibcCan.can_frame.can_id)).ToInt32());
        Assert.Equal(4, Marshal.OffsetOf<LibcCan.can_frame>(nameof(LibcCan.can_frame.len)).ToInt32());
        Assert.Equal(7, Marshal.OffsetOf<LibcCan.can_frame>(nameof(LibcCan.can_frame.len8_dlc)).ToInt32());
        Assert.Equal(8, Marshal.OffsetOf<LibcCan.can_frame>(nameof(LibcCan.can_frame.data)).ToInt32());
    }

    [Fact]
    public void SockaddrCan_Layout_IsTheKernelsTwentyFourBytesWithTheIndexAtFour()
    {
        Assert.Equal(24, Unsafe.SizeOf<LibcCan.sockaddr_can>());
        Assert.Equal(0, Marshal.OffsetOf<LibcCan.sockaddr_can>(nameof(LibcCan.sockaddr_can.can_family)).ToInt32());
        Assert.Equal(4, Marshal.OffsetOf<LibcCan.sockaddr_can>(nameof(LibcCan.sockaddr_can.can_ifindex)).ToInt32());
    }
}

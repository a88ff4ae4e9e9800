using System.Runtime.InteropServices;

namespace Octopilot.Vehicle.Can.Interop.Linux.Libc;

/// <summary>
/// linux/can.h and linux/can/raw.h: the classic CAN frame as the kernel reads and writes it on a raw socket, the
/// socket address, and the identifier flags. Native names kept. Layouts are the kernel's UAPI (the same on x86-64 and
/// arm64), checked by a layout test.
/// </summary>
internal static class LibcCan
{
    /// <summary>Protocol of a raw CAN socket (linux/can.h).</summary>
    public const int CAN_RAW = 1;

    /// <summary>Bit 31 of can_id: a 29-bit (extended) identifier.</summary>
    public const uint CAN_EFF_FLAG = 0x8000_0000;

    /// <summary>Bit 30: a remote transmission request (no data).</summary>
    public const uint CAN_RTR_FLAG = 0x4000_0000;

    /// <summary>Bit 29: an error frame (only delivered when CAN_RAW_ERR_FILTER asks for them; not set here).</summary>
    public const uint CAN_ERR_FLAG = 0x2000_0000;

    public const uint CAN_SFF_MASK = 0x0000_07FF;

    public const uint CAN_EFF_MASK = 0x1FFF_FFFF;

    /// <summary>sizeof(struct can_frame): a raw socket without CAN_RAW_FD_FRAMES reads and writes exactly this.</summary>
    public const int CAN_MTU = 16;

    /// <summary>CAN_MAX_DLEN: data bytes of a classic frame.</summary>
    public const int CAN_MAX_DLEN = 8;

    /// <summary>struct can_frame (16 bytes; data 8-byte aligned).</summary>
    [StructLayout(LayoutKind.Sequential, Size = CAN_MTU)]
    public unsafe struct can_frame
    {
        /// <summary>11 or 29-bit id | CAN_EFF_FLAG | CAN_RTR_FLAG | CAN_ERR_FLAG.</summary>
        public uint can_id;

        /// <summary>Data length, 0..8 (called can_dlc before Linux 5.11).</summary>
        public byte len;

        public byte __pad;

        public byte __res0;

        /// <summary>DLC 9..15 for a classic frame with CAN_CTRLMODE_CC_LEN8_DLC; 0 otherwise.</summary>
        public byte len8_dlc;

        public fixed byte data[CAN_MAX_DLEN];
    }

    /// <summary>
    /// struct sockaddr_can (24 bytes): family, interface index, then a 16-byte union for the transport and J1939
    /// protocols (8-byte aligned) that CAN_RAW does not read.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 24)]
    public struct sockaddr_can
    {
        [FieldOffset(0)]
        public ushort can_family;

        [FieldOffset(4)]
        public int can_ifindex;
    }
}

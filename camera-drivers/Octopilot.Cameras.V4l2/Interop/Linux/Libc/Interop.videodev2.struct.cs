using System.Runtime.InteropServices;

namespace Octopilot.Cameras.V4l2.Interop.Linux.Libc;

// linux/videodev2.h structs for LP64 (x86-64 and arm64: the two targets), native field names kept. Type names carry a
// _t suffix because lower-case type names are reserved in C#. Fixed buffers keep them blittable: no marshalling per call.

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct v4l2_capability_t
{
    public fixed byte driver[16];
    public fixed byte card[32];
    public fixed byte bus_info[32];
    public uint version;
    public uint capabilities;
    public uint device_caps;
    public fixed uint reserved[3];
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct v4l2_fmtdesc_t
{
    public uint index;
    public uint type;
    public uint flags;
    public fixed byte description[32];
    public uint pixelformat;
    public uint mbus_code;
    public fixed uint reserved[3];
}

[StructLayout(LayoutKind.Sequential)]
internal struct v4l2_fract_t
{
    public uint numerator;
    public uint denominator;
}

/// <summary>v4l2_frmsizeenum: the union holds either discrete {width, height} or the six stepwise fields.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct v4l2_frmsizeenum_t
{
    public uint index;
    public uint pixel_format;
    public uint type;
    public fixed uint union[6]; // discrete: [0]=width [1]=height; stepwise: min_w max_w step_w min_h max_h step_h
    public fixed uint reserved[2];
}

/// <summary>v4l2_frmivalenum: the union holds either one discrete fraction or min/max/step fractions.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct v4l2_frmivalenum_t
{
    public uint index;
    public uint pixel_format;
    public uint width;
    public uint height;
    public uint type;
    public fixed uint union[6]; // discrete: [0]/[1] = numerator/denominator; stepwise: min, max, step fractions
    public fixed uint reserved[2];
}

[StructLayout(LayoutKind.Sequential)]
internal struct v4l2_pix_format_t
{
    public uint width;
    public uint height;
    public uint pixelformat;
    public uint field;
    public uint bytesperline;
    public uint sizeimage;
    public uint colorspace;
    public uint priv;
    public uint flags;
    public uint ycbcr_enc;
    public uint quantization;
    public uint xfer_func;
}

/// <summary>v4l2_format: 4-byte type, then a 200-byte union aligned to 8 (one member, v4l2_window, holds pointers).</summary>
[StructLayout(LayoutKind.Explicit, Size = 208)]
internal struct v4l2_format_t
{
    [FieldOffset(0)]
    public uint type;

    [FieldOffset(8)]
    public v4l2_pix_format_t pix;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct v4l2_captureparm_t
{
    public uint capability;
    public uint capturemode;
    public v4l2_fract_t timeperframe;
    public uint extendedmode;
    public uint readbuffers;
    public fixed uint reserved[4];
}

/// <summary>v4l2_streamparm: 4-byte type, then a 200-byte union (no pointers: 4-byte aligned).</summary>
[StructLayout(LayoutKind.Explicit, Size = 204)]
internal struct v4l2_streamparm_t
{
    [FieldOffset(0)]
    public uint type;

    [FieldOffset(4)]
    public v4l2_captureparm_t capture;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct v4l2_requestbuffers_t
{
    public uint count;
    public uint type;
    public uint memory;
    public uint capabilities;
    public byte flags;
    public fixed byte reserved[3];
}

/// <summary>
/// v4l2_buffer on LP64: timeval is two longs (16 bytes, 8-aligned, so 4 bytes of padding after <c>field</c>); the
/// memory union <c>m</c> is 8 bytes (offset, userptr, planes or fd).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 88)]
internal struct v4l2_buffer_t
{
    [FieldOffset(0)]
    public uint index;

    [FieldOffset(4)]
    public uint type;

    [FieldOffset(8)]
    public uint bytesused;

    [FieldOffset(12)]
    public uint flags;

    [FieldOffset(16)]
    public uint field;

    [FieldOffset(24)]
    public long tv_sec;

    [FieldOffset(32)]
    public long tv_usec;

    // 40..55: struct v4l2_timecode, unused.
    [FieldOffset(56)]
    public uint sequence;

    [FieldOffset(60)]
    public uint memory;

    [FieldOffset(64)]
    public uint m_offset;

    [FieldOffset(64)]
    public int m_fd;

    [FieldOffset(72)]
    public uint length;

    [FieldOffset(76)]
    public uint reserved2;

    [FieldOffset(80)]
    public int request_fd;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct v4l2_exportbuffer_t
{
    public uint type;
    public uint index;
    public uint plane;
    public uint flags;
    public int fd;
    public fixed uint reserved[11];
}

/// <summary>Sizes of the structs above, for the request codes (and pinned by the tests).</summary>
internal static unsafe class V4l2Structs
{
    public static int SizeOfCapability => sizeof(v4l2_capability_t);

    public static int SizeOfFmtDesc => sizeof(v4l2_fmtdesc_t);

    public static int SizeOfFormat => sizeof(v4l2_format_t);

    public static int SizeOfRequestBuffers => sizeof(v4l2_requestbuffers_t);

    public static int SizeOfBuffer => sizeof(v4l2_buffer_t);

    public static int SizeOfExportBuffer => sizeof(v4l2_exportbuffer_t);

    public static int SizeOfStreamParm => sizeof(v4l2_streamparm_t);

    public static int SizeOfFrmSizeEnum => sizeof(v4l2_frmsizeenum_t);

    public static int SizeOfFrmIvalEnum => sizeof(v4l2_frmivalenum_t);
}

using System.Runtime.InteropServices;
using Octopilot.Cameras.V4l2.Interop.Linux.Libc;

namespace Octopilot.Cameras.V4l2.Tests.Interop;

/// <summary>
/// The videodev2.h structs as the LP64 kernel lays them out (x86-64 and arm64; values from sizeof/offsetof on
/// /usr/include/linux/videodev2.h). A wrong size changes the request code (ENOTTY); a wrong offset reads the wrong field.
/// </summary>
public sealed unsafe class StructLayoutTests
{
    [Fact]
    public void SizeOf_EveryStruct_MatchesTheLp64KernelHeaders()
    {
        Assert.Equal(104, sizeof(v4l2_capability_t));
        Assert.Equal(64, sizeof(v4l2_fmtdesc_t));
        Assert.Equal(44, sizeof(v4l2_frmsizeenum_t));
        Assert.Equal(52, sizeof(v4l2_frmivalenum_t));
        Assert.Equal(208, sizeof(v4l2_format_t));
        Assert.Equal(48, sizeof(v4l2_pix_format_t));
        Assert.Equal(40, sizeof(v4l2_captureparm_t));
        Assert.Equal(204, sizeof(v4l2_streamparm_t));
        Assert.Equal(20, sizeof(v4l2_requestbuffers_t));
        Assert.Equal(88, sizeof(v4l2_buffer_t));
        Assert.Equal(64, sizeof(v4l2_exportbuffer_t));
        Assert.Equal(8, sizeof(v4l2_fract_t));
    }

    [Fact]
    public void SizeOf_MarshalAndManagedLayouts_Agree()
    {
        // Blittable: the pointer handed to ioctl is the managed struct itself, so the marshaller's view must be the same.
        Assert.Equal(sizeof(v4l2_capability_t), Marshal.SizeOf<v4l2_capability_t>());
        Assert.Equal(sizeof(v4l2_format_t), Marshal.SizeOf<v4l2_format_t>());
        Assert.Equal(sizeof(v4l2_streamparm_t), Marshal.SizeOf<v4l2_streamparm_t>());
        Assert.Equal(sizeof(v4l2_buffer_t), Marshal.SizeOf<v4l2_buffer_t>());
        Assert.Equal(sizeof(v4l2_frmsizeenum_t), Marshal.SizeOf<v4l2_frmsizeenum_t>());
        Assert.Equal(sizeof(v4l2_frmivalenum_t), Marshal.SizeOf<v4l2_frmivalenum_t>());
    }

    [Fact]
    public void SizeOfProperties_UsedForRequestCodes_EqualTheStructSizes()
    {
        Assert.Equal(104, V4l2Structs.SizeOfCapability);
        Assert.Equal(64, V4l2Structs.SizeOfFmtDesc);
        Assert.Equal(208, V4l2Structs.SizeOfFormat);
        Assert.Equal(20, V4l2Structs.SizeOfRequestBuffers);
        Assert.Equal(88, V4l2Structs.SizeOfBuffer);
        Assert.Equal(64, V4l2Structs.SizeOfExportBuffer);
        Assert.Equal(204, V4l2Structs.SizeOfStreamParm);
        Assert.Equal(44, V4l2Structs.SizeOfFrmSizeEnum);
        Assert.Equal(52, V4l2Structs.SizeOfFrmIvalEnum);
    }

    [Fact]
    public void V4l2Buffer_FieldOffsets_MatchTheLp64KernelHeaders()
    {
        var b = default(v4l2_buffer_t);
        byte* start = (byte*)&b;
        Assert.Equal(0, (byte*)&b.index - start);
        Assert.Equal(4, (byte*)&b.type - start);
        Assert.Equal(8, (byte*)&b.bytesused - start);
        Assert.Equal(12, (byte*)&b.flags - start);
        Assert.Equal(16, (byte*)&b.field - start);
        Assert.Equal(24, (byte*)&b.tv_sec - start); // timestamp: 4 bytes of padding after field
        Assert.Equal(32, (byte*)&b.tv_usec - start);
        Assert.Equal(56, (byte*)&b.sequence - start);
        Assert.Equal(60, (byte*)&b.memory - start);
        Assert.Equal(64, (byte*)&b.m_offset - start);
        Assert.Equal(64, (byte*)&b.m_fd - start);
        Assert.Equal(72, (byte*)&b.length - start);
        Assert.Equal(80, (byte*)&b.request_fd - start);
    }

    [Fact]
    public void V4l2Buffer_MarshalOffsets_MatchTheManagedOffsets()
    {
        Assert.Equal(24, (int)Marshal.OffsetOf<v4l2_buffer_t>(nameof(v4l2_buffer_t.tv_sec)));
        Assert.Equal(56, (int)Marshal.OffsetOf<v4l2_buffer_t>(nameof(v4l2_buffer_t.sequence)));
        Assert.Equal(60, (int)Marshal.OffsetOf<v4l2_buffer_t>(nameof(v4l2_buffer_t.memory)));
        Assert.Equal(64, (int)Marshal.OffsetOf<v4l2_buffer_t>(nameof(v4l2_buffer_t.m_offset)));
        Assert.Equal(72, (int)Marshal.OffsetOf<v4l2_buffer_t>(nameof(v4l2_buffer_t.length)));
    }

    [Fact]
    public void OtherStructs_FieldOffsets_MatchTheLp64KernelHeaders()
    {
        var cap = default(v4l2_capability_t);
        Assert.Equal(88, (byte*)&cap.device_caps - (byte*)&cap);

        var desc = default(v4l2_fmtdesc_t);
        Assert.Equal(44, (byte*)&desc.pixelformat - (byte*)&desc);

        var size = default(v4l2_frmsizeenum_t);
        Assert.Equal(12, (byte*)size.union - (byte*)&size);

        var ival = default(v4l2_frmivalenum_t);
        Assert.Equal(20, (byte*)ival.union - (byte*)&ival);

        var format = default(v4l2_format_t);
        Assert.Equal(8, (byte*)&format.pix - (byte*)&format); // the union is 8-aligned (v4l2_window holds pointers)

        var pix = default(v4l2_pix_format_t);
        Assert.Equal(36, (byte*)&pix.ycbcr_enc - (byte*)&pix);
        Assert.Equal(40, (byte*)&pix.quantization - (byte*)&pix);

        var parm = default(v4l2_streamparm_t);
        Assert.Equal(4, (byte*)&parm.capture - (byte*)&parm);
        Assert.Equal(12, (byte*)&parm.capture.timeperframe - (byte*)&parm);

        var req = default(v4l2_requestbuffers_t);
        Assert.Equal(16, (byte*)&req.flags - (byte*)&req);

        var export = default(v4l2_exportbuffer_t);
        Assert.Equal(16, (byte*)&export.fd - (byte*)&export);
    }
}

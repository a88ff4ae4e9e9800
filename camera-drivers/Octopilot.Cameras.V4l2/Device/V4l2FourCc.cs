namespace Octopilot.Cameras.V4l2.Device;

/// <summary>A V4L2 pixel format code: four ASCII characters packed little-endian ('YUYV' = 0x56595559).</summary>
public readonly record struct V4l2FourCc(uint Value)
{
    /// <summary>Packed YUV 4:2:2, Y0 U Y1 V: what most USB and GMSL cameras stream.</summary>
    public static readonly V4l2FourCc Yuyv = Of("YUYV");

    /// <summary>Packed YUV 4:2:2, U Y0 V Y1.</summary>
    public static readonly V4l2FourCc Uyvy = Of("UYVY");

    /// <summary>Planar Y then interleaved UV at half resolution: ISP outputs and hardware decoders.</summary>
    public static readonly V4l2FourCc Nv12 = Of("NV12");

    /// <summary>Packed R, G, B (V4L2_PIX_FMT_RGB24, 'RGB3'): the model's own layout.</summary>
    public static readonly V4l2FourCc Rgb24 = Of("RGB3");

    /// <summary>Packed B, G, R ('BGR3').</summary>
    public static readonly V4l2FourCc Bgr24 = Of("BGR3");

    /// <summary>Motion JPEG: compressed, so not streamable into the slab without a decoder (refused with that reason).</summary>
    public static readonly V4l2FourCc Mjpeg = Of("MJPG");

    /// <summary>Packs four ASCII characters; throws naming the text when it is not four printable ASCII characters.</summary>
    public static V4l2FourCc Of(string text)
    {
        if (text is null || text.Length != 4 || text.Any(c => c < 0x20 || c > 0x7e))
        {
            throw new ArgumentException($"a V4L2 pixel format is four ASCII characters (YUYV, UYVY, NV12, RGB3), got '{text}'", nameof(text));
        }

        return new V4l2FourCc(text[0] | ((uint)text[1] << 8) | ((uint)text[2] << 16) | ((uint)text[3] << 24));
    }

    public override string ToString() => new(
    [
        (char)(Value & 0xff), (char)((Value >> 8) & 0xff), (char)((Value >> 16) & 0xff), (char)((Value >> 24) & 0x7f),
    ]);
}

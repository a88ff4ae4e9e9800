namespace Octopilot.Cameras.V4l2.Device;

/// <summary>The format a driver actually set (VIDIOC_S_FMT's answer): size, code, row stride and frame size in bytes,
/// and the colour encoding it stamped (V4L2_YCBCR_ENC_*, V4L2_QUANTIZATION_*; 0 = the colorspace's default).</summary>
public readonly record struct V4l2PixFormat(
    int WidthPx, int HeightPx, V4l2FourCc FourCc, int BytesPerLine, int SizeImageBytes, uint Colorspace, uint YcbcrEncoding, uint Quantization);

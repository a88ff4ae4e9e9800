namespace Octopilot.Cameras.Conversion;

/// <summary>
/// How a camera's Y'CbCr maps to R'G'B' (V4L2's <c>ycbcr_enc</c> and <c>quantization</c>). Limited range: Y' 16..235,
/// Cb/Cr 16..240 (V4L2_QUANTIZATION_LIM_RANGE, the default for YUV); full range: 0..255 (JPEG).
/// </summary>
public enum YuvMatrix
{
    /// <summary>ITU-R BT.601, limited range (V4L2's default for SDTV and most USB cameras).</summary>
    Bt601Limited = 0,

    /// <summary>ITU-R BT.709, limited range (HDTV; V4L2's default for HD sizes in some drivers).</summary>
    Bt709Limited = 1,

    /// <summary>ITU-R BT.601, full range (JPEG/JFIF).</summary>
    Bt601Full = 2,
}

/// <summary>
/// The integer coefficients of a <see cref="YuvMatrix"/> in 8-bit fixed point (×256, as in the ITU tables rounded):
/// R = (Ys·y + Rv·v + 128) &gt;&gt; 8, G = (Ys·y − Gu·u − Gv·v + 128) &gt;&gt; 8, B = (Ys·y + Bu·u + 128) &gt;&gt; 8 with
/// y = Y − YOffset, u = Cb − 128, v = Cr − 128; results clamped to 0..255.
/// </summary>
public readonly record struct YuvCoefficients(int YOffset, int Ys, int Rv, int Gu, int Gv, int Bu)
{
    public static YuvCoefficients Of(YuvMatrix matrix) => matrix switch
    {
        // 255/219 = 1.164; BT.601: Kr 0.299, Kb 0.114 → 1.596, 0.392, 0.813, 2.018 (×255/224 for limited chroma).
        YuvMatrix.Bt601Limited => new(16, 298, 409, 100, 208, 516),

        // BT.709: Kr 0.2126, Kb 0.0722 → 1.793, 0.213, 0.533, 2.112.
        YuvMatrix.Bt709Limited => new(16, 298, 459, 55, 136, 541),

        // Full range: 1.402, 0.344, 0.714, 1.772.
        YuvMatrix.Bt601Full => new(0, 256, 359, 88, 183, 454),
        _ => throw new ArgumentOutOfRangeException(nameof(matrix), matrix, "unknown YUV matrix"),
    };
}

namespace Octopilot.Inference.Manifest;

/// <summary>Order of a 4-D image tensor's axes.</summary>
public enum TensorLayout
{
    /// <summary>[batch, height, width, channel] (TensorFlow, our contract).</summary>
    Nhwc = 0,

    /// <summary>[batch, channel, height, width] (PyTorch).</summary>
    Nchw = 1,
}

/// <summary>Element type of the model input.</summary>
public enum InputElementType
{
    Uint8 = 0,
    Float32 = 1,
    Float16 = 2,
}

/// <summary>Channel order the model expects (frames are RGB).</summary>
public enum ColourOrder
{
    Rgb = 0,
    Bgr = 1,
}

/// <summary>How the camera frame is fitted into the model's input rectangle.</summary>
public enum SpatialFit
{
    /// <summary>Scale x and y independently to fill the input (aspect ratio changes).</summary>
    Stretch = 0,

    /// <summary>Scale uniformly to fit inside, centre, pad the rest with <see cref="ManifestInput.FillValue"/>.</summary>
    Letterbox = 1,

    /// <summary>Scale uniformly to cover the input, centre, cut what sticks out.</summary>
    CentreCrop = 2,
}

/// <summary>How a segmentation output becomes a per-pixel probability of the target class.</summary>
public enum SegmentationActivation
{
    /// <summary>The channel already holds probabilities in [0, 1].</summary>
    Probabilities = 0,

    /// <summary>Per-class logits: softmax over the class axis, then the channel.</summary>
    Softmax = 1,

    /// <summary>Independent logits: sigmoid of the channel.</summary>
    Sigmoid = 2,

    /// <summary>1 where the channel wins the argmax over classes, else 0 (also for an integer class-index map with one channel).</summary>
    Argmax = 3,
}

/// <summary>What a segmentation head feeds in the runtime.</summary>
public enum SegmentationTarget
{
    Lanes = 0,
    Drivable = 1,

    /// <summary>Another named class map: decoded and written by <c>perceive</c>, not fused into the BEV.</summary>
    Other = 2,

    /// <summary>
    /// Solid lane lines only (edge-line paint; dashed dividers read 0), manifest target <c>"solidLines"</c>: fused into the
    /// BEV beside lanes and used by the lane fitter to call each boundary solid or dashed.
    /// </summary>
    SolidLines = 3,
}

/// <summary>Box coordinate convention of a decoded box list.</summary>
public enum BoxFormat
{
    /// <summary>x1, y1, x2, y2.</summary>
    Xyxy = 0,

    /// <summary>centre x, centre y, width, height.</summary>
    Cxcywh = 1,
}

/// <summary>Units of box coordinates.</summary>
public enum BoxUnits
{
    /// <summary>Pixels of the model input.</summary>
    Pixels = 0,

    /// <summary>Fractions of the model input's width and height, 0..1.</summary>
    Normalised = 1,
}

/// <summary>What a depth map's values mean.</summary>
public enum DepthEncoding
{
    /// <summary>Metres along the optical axis.</summary>
    Metric = 0,

    /// <summary>1 / metres (disparity-like).</summary>
    Inverse = 1,

    /// <summary>Value × <see cref="DepthHeadSpec.Scale"/> = metres (a sigmoid output scaled to a max range, for example).</summary>
    Scaled = 2,
}

namespace Octopilot.Inference.ForeignHeads;

/// <summary>What the values of a YOLO-family output row [x, y, w, h, objectness, class scores...] are.</summary>
public enum YoloRowEncoding
{
    /// <summary>Raw logits of the Detect convolutions; the decoder applies σ and the grid/anchor decode (manifest <c>sigmoid_applied: false</c>).</summary>
    Logits = 0,

    /// <summary>σ already applied in the graph, grid/anchor decode still to do (manifest <c>sigmoid_applied: true</c>).</summary>
    Sigmoid = 1,

    /// <summary>
    /// The output of YOLOv5's own <c>export.py</c> (Detect in eval mode): x, y, w, h are already box centre and size in
    /// model-input pixels, objectness and class scores already probabilities; only scoring, filter and NMS remain.
    /// The manifest cannot say this yet (see the ForeignHeads README).
    /// </summary>
    DecodedPixels = 2,
}

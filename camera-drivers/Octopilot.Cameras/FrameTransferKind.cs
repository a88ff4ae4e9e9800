namespace Octopilot.Cameras;

/// <summary>How a source's pixels reach the slab: what "zero copy" means for it, honestly.</summary>
public enum FrameTransferKind
{
    /// <summary>The source did not say.</summary>
    Unknown = 0,

    /// <summary>Produced in the slab itself (the synthetic renderer): nothing is copied.</summary>
    RenderedInPlace,

    /// <summary>One colour-conversion pass out of the driver's mmap buffer into the slab (YUYV/UYVY/NV12 → RGB24):
    /// the pass the model's RGB input needs anyway, so no byte is copied as such.</summary>
    ConvertedFromDriverBuffer,

    /// <summary>The driver already delivers the model's RGB24: one memcpy from its mmap buffer into the slab.</summary>
    CopiedFromDriverBuffer,

    /// <summary>read(2) from a decoder's pipe into the slab: the kernel copies the frame out of the pipe buffer once.</summary>
    ReadFromPipe,

    /// <summary>A recorded frame decompressed (or copied, when stored raw) into the slab.</summary>
    DecodedFromRecording,
}

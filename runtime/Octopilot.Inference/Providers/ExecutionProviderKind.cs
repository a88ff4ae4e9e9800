namespace Octopilot.Inference.Providers;

/// <summary>ONNX Runtime execution providers the engine knows how to configure.</summary>
public enum ExecutionProviderKind
{
    /// <summary>ORT's own CPU kernels: always present, the default and the last fallback.</summary>
    Cpu = 0,

    /// <summary>NVIDIA CUDA (GPU package only; needs CUDA 13 and cuDNN 9 on the machine).</summary>
    Cuda,

    /// <summary>NVIDIA TensorRT, FP16, with engine and timing caches (GPU package only; needs TensorRT 10).</summary>
    TensorRt,
}

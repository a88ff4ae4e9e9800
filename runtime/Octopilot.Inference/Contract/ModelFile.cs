using Microsoft.ML.OnnxRuntime;

namespace Octopilot.Inference.Contract;

/// <summary>
/// Opens model files with ONNX Runtime and turns every way that can fail (missing, unreadable, not ONNX, truncated,
/// an operator ORT cannot load) into a <see cref="ModelLoadException"/> that names the file and ORT's reason.
/// </summary>
public static class ModelFile
{
    /// <summary>
    /// Opens a model for inspection and contract checks only: CPU, no graph optimisation (faster to load and shows
    /// the graph as exported), one thread, errors-only logging. The caller owns the session and must dispose it
    /// (it holds the model's native memory).
    /// </summary>
    public static InferenceSession OpenForInspection(string modelPath)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
        };
        return Open(modelPath, options);
    }

    /// <summary>
    /// Opens a model with the caller's options (execution providers, optimisation). The options are only read here;
    /// the caller still owns and disposes them. The caller owns the returned session.
    /// </summary>
    public static InferenceSession Open(string modelPath, SessionOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        ArgumentNullException.ThrowIfNull(options);

        // Checked here because ORT's wording for a missing file varies by version and platform.
        if (Directory.Exists(modelPath))
        {
            throw new ModelLoadException(modelPath, "is a directory, not a model file");
        }

        if (!File.Exists(modelPath))
        {
            throw new ModelLoadException(modelPath, $"no such file ({Path.GetFullPath(modelPath)})");
        }

        try
        {
            return new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelLoadException(modelPath, $"ONNX Runtime refused it (not an ONNX model, truncated or corrupt?): {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelLoadException(modelPath, e.Message, e);
        }
    }
}

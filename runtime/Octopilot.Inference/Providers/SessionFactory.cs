using Microsoft.ML.OnnxRuntime;
using Octopilot.Inference.Contract;
using Octopilot.Inference.Engine;

namespace Octopilot.Inference.Providers;

/// <summary>
/// Creates the ORT session: tries each configured provider in order, logs one line with ORT's reason for every one that
/// cannot load (its message names the missing library), and settles on the first that works. A provider is only
/// proven by creating a session with it (appending succeeds in the GPU package even when libcudnn is absent).
/// </summary>
public static class SessionFactory
{
    public static (InferenceSession Session, ExecutionProviderKind Provider) Create(InferenceOptions options, TextWriter log)
    {
        if (options.NativeLibraryDirectory is string directory)
        {
            OrtNativeLibrary.UseDirectory(directory);
        }

        var tried = new List<string>();
        foreach (ExecutionProviderKind provider in options.Providers)
        {
            SessionOptions? sessionOptions = null;
            try
            {
                sessionOptions = BuildOptions(options, provider);
                var session = ModelFile.Open(ModelPathFor(options, provider), sessionOptions);
                return (CheckRequired(options, session, provider, tried), provider);
            }
            catch (Exception e) when (provider != ExecutionProviderKind.Cpu && e is OnnxRuntimeException or ModelLoadException)
            {
                string reason = FirstLine(e.Message);
                tried.Add($"{ExecutionProviderNames.NameOf(provider)}: {reason}");
                log.WriteLine($"inference: provider {ExecutionProviderNames.NameOf(provider)} unavailable, trying the next: {reason}");
            }
            catch (Exception e) when (provider != ExecutionProviderKind.Cpu && e is EntryPointNotFoundException or DllNotFoundException)
            {
                string reason = FirstLine(e.Message);
                tried.Add($"{ExecutionProviderNames.NameOf(provider)}: {reason}");
                log.WriteLine($"inference: provider {ExecutionProviderNames.NameOf(provider)} unavailable, trying the next: {reason}");
            }
            finally
            {
                sessionOptions?.Dispose();
            }
        }

        // The list did not include cpu (or cpu itself failed above and threw): CPU is always the last resort.
        log.WriteLine("inference: no listed provider could load; running on cpu");
        using SessionOptions cpuOptions = BuildOptions(options, ExecutionProviderKind.Cpu);
        InferenceSession cpuSession = ModelFile.Open(options.ModelPath, cpuOptions);
        return (CheckRequired(options, cpuSession, ExecutionProviderKind.Cpu, tried), ExecutionProviderKind.Cpu);
    }

    private static InferenceSession CheckRequired(
        InferenceOptions options, InferenceSession session, ExecutionProviderKind provider, List<string> tried)
    {
        if (options.RequiredProvider is ExecutionProviderKind required && required != provider)
        {
            session.Dispose();
            throw new InferenceStartupException(
                $"execution provider {ExecutionProviderNames.NameOf(required)} is required but the session runs on {ExecutionProviderNames.NameOf(provider)}" +
                (tried.Count > 0 ? $" ({string.Join("; ", tried)})" : string.Empty) +
                "; install the GPU build and its libraries (runtime/README.md), or drop the requirement to fall back");
        }

        return session;
    }

    private static SessionOptions BuildOptions(InferenceOptions options, ExecutionProviderKind provider)
    {
        var sessionOptions = new SessionOptions
        {
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = options.InterOpThreads,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", options.AllowSpinning ? "1" : "0");
            sessionOptions.AddSessionConfigEntry("session.inter_op.allow_spinning", options.AllowSpinning ? "1" : "0");
            if (options.OptimizedModelCacheDirectory is string cacheDirectory && !File.Exists(OptimizedModelPath(options, provider)))
            {
                Directory.CreateDirectory(cacheDirectory);
                sessionOptions.OptimizedModelFilePath = OptimizedModelPath(options, provider);
            }
            else if (options.OptimizedModelCacheDirectory is not null)
            {
                // The cached graph is already optimised for this provider: optimising again only costs start-up time.
                sessionOptions.GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL;
            }

            switch (provider)
            {
                case ExecutionProviderKind.TensorRt:
                    AppendTensorRt(sessionOptions, options);
                    break;
                case ExecutionProviderKind.Cuda:
                    sessionOptions.AppendExecutionProvider_CUDA(options.DeviceId);
                    break;
                default:
                    break;
            }

            return sessionOptions;
        }
        catch
        {
            sessionOptions.Dispose();
            throw;
        }
    }

    private static void AppendTensorRt(SessionOptions sessionOptions, InferenceOptions options)
    {
        string cache = options.TensorRtCacheDirectory ?? Path.Combine(Path.GetTempPath(), "octopilot-trt-cache");
        Directory.CreateDirectory(cache);
        using var trt = new OrtTensorRTProviderOptions();
        trt.UpdateOptions(new Dictionary<string, string>
        {
            ["device_id"] = options.DeviceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["trt_fp16_enable"] = "1",
            ["trt_engine_cache_enable"] = "1",
            ["trt_engine_cache_path"] = cache,
            ["trt_timing_cache_enable"] = "1",
            ["trt_timing_cache_path"] = cache,
        });
        sessionOptions.AppendExecutionProvider_Tensorrt(trt);

        // Nodes TensorRT cannot take run on CUDA rather than falling all the way back to the CPU.
        sessionOptions.AppendExecutionProvider_CUDA(options.DeviceId);
    }

    /// <summary>The model to load: the cached optimised graph for this provider when one exists.</summary>
    private static string ModelPathFor(InferenceOptions options, ExecutionProviderKind provider)
    {
        string cached = OptimizedModelPath(options, provider);
        return options.OptimizedModelCacheDirectory is not null && File.Exists(cached) ? cached : options.ModelPath;
    }

    /// <summary>Cache file named by the model's content hash, so a changed model never reuses a stale graph.</summary>
    internal static string OptimizedModelPath(InferenceOptions options, ExecutionProviderKind provider)
    {
        if (options.OptimizedModelCacheDirectory is null)
        {
            return string.Empty;
        }

        string hash = ModelHash.Sha256Hex(options.ModelPath)[..16];
        return Path.Combine(options.OptimizedModelCacheDirectory,
            $"{Path.GetFileNameWithoutExtension(options.ModelPath)}.{hash}.{ExecutionProviderNames.NameOf(provider)}.optimized.onnx");
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n', StringComparison.Ordinal);
        return (newline < 0 ? message : message[..newline]).Trim();
    }
}

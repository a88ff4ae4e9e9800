using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace Octopilot.Inference.Providers;

/// <summary>
/// Points the ONNX Runtime managed package at a locally built native library. Jetson-class ARM64 vehicle computers need
/// an ORT built against their JetPack CUDA/TensorRT; the NuGet package ships only a CPU build for linux-arm64. The import
/// resolver must be installed before the first ORT call and only once per process.
/// </summary>
public static class OrtNativeLibrary
{
    /// <summary>File name ORT's managed code imports ("onnxruntime") resolves to on Linux.</summary>
    public const string LinuxFileName = "libonnxruntime.so";

    private static readonly object Gate = new();
    private static string? _installedDirectory;

    /// <summary>The directory in use, or null when the package's own native library is used.</summary>
    public static string? InstalledDirectory
    {
        get
        {
            lock (Gate)
            {
                return _installedDirectory;
            }
        }
    }

    /// <summary>
    /// Makes every ORT import load <c>directory/libonnxruntime.so</c>. Throws when the file is missing, or when a different
    /// directory was installed before (the runtime allows one resolver per assembly).
    /// </summary>
    public static void UseDirectory(string directory)
    {
        string full = Path.GetFullPath(directory);
        string library = Path.Combine(full, LinuxFileName);
        if (!File.Exists(library))
        {
            throw new FileNotFoundException(
                $"native ONNX Runtime directory {full} has no {LinuxFileName}; build ORT for this machine (see runtime/README.md) or drop the setting to use the package's library",
                library);
        }

        lock (Gate)
        {
            if (_installedDirectory is not null)
            {
                if (_installedDirectory != full)
                {
                    throw new InvalidOperationException(
                        $"ONNX Runtime native library already bound to {_installedDirectory}; cannot switch to {full} in the same process");
                }

                return;
            }

            Assembly ortAssembly = typeof(InferenceSession).Assembly;
            NativeLibrary.SetDllImportResolver(ortAssembly, (name, _, _) =>
                name is "onnxruntime" or "libonnxruntime" or LinuxFileName ? NativeLibrary.Load(library) : IntPtr.Zero);
            _installedDirectory = full;
        }
    }
}

namespace Octopilot.Inference.Providers;

/// <summary>Config-file and command-line names of the providers, in one place.</summary>
public static class ExecutionProviderNames
{
    public const string Cpu = "cpu";
    public const string Cuda = "cuda";
    public const string TensorRt = "tensorrt";

    public static readonly string[] All = [Cpu, Cuda, TensorRt];

    public static bool TryParse(string name, out ExecutionProviderKind kind)
    {
        switch (name.Trim().ToLowerInvariant())
        {
            case Cpu:
                kind = ExecutionProviderKind.Cpu;
                return true;
            case Cuda:
                kind = ExecutionProviderKind.Cuda;
                return true;
            case TensorRt or "trt":
                kind = ExecutionProviderKind.TensorRt;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    public static string NameOf(ExecutionProviderKind kind) => kind switch
    {
        ExecutionProviderKind.Cuda => Cuda,
        ExecutionProviderKind.TensorRt => TensorRt,
        _ => Cpu,
    };
}

using BenchmarkDotNet.Running;

namespace Octopilot.Benchmarks;

/// <summary>Entry point: `dotnet run -c Release --project bench/Octopilot.Benchmarks -- --filter '*'`.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

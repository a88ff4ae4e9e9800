using BenchmarkDotNet.Running;
using Octopilot.Benchmarks.Inference;
using Octopilot.Benchmarks.Planner;

namespace Octopilot.Benchmarks;

/// <summary>
/// Entry point. `inference-overhead` runs the side-by-side inference runner, `tick-loop` the planner tick under real
/// scheduling; anything else goes to BenchmarkDotNet
/// (`-- --filter '*'`). See bench/README.md.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "inference-overhead")
        {
            return InferenceOverheadRunner.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "tick-loop")
        {
            return TickLoopRunner.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}

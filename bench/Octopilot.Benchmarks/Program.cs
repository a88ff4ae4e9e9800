using BenchmarkDotNet.Running;
using Octopilot.Benchmarks.DriveLog;
using Octopilot.Benchmarks.Inference;
using Octopilot.Benchmarks.Planner;

namespace Octopilot.Benchmarks;

/// <summary>
/// Entry point. `inference-overhead` runs the side-by-side inference runner, `tick-loop` the planner tick under real
/// scheduling, `recorder-throughput` the drive recorder at and above the sim camera rate; anything else goes to BenchmarkDotNet
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

        if (args.Length > 1 && args[0] == "video-file-fps")
        {
            return Cameras.VideoFileFpsRunner.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "manifest-path")
        {
            return ManifestPathRunner.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "tick-loop")
        {
            return TickLoopRunner.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "recorder-throughput")
        {
            return RecorderThroughputBenchmarks.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}

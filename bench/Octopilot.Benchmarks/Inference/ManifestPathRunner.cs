using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Octopilot.Core.Time;
using Octopilot.Inference.Engine;
using Octopilot.Inference.ForeignModel;
using Octopilot.Inference.Manifest;
using Octopilot.Inference.Perception;

namespace Octopilot.Benchmarks.Inference;

/// <summary>
/// The manifest path end to end against bare ONNX Runtime on the same model, interleaved round-robin in one process:
/// (a) bare ORT: <c>RunWithBinding</c> of the engine's own session and binding, input already in the model's format,
/// once per model run of a set; (b) <see cref="ForeignModelEngine.Run{TFrames}"/>: N camera frames of W x H (default six
/// 1600x900, nuScenes) preprocessed into the input, run, outputs converted, every head decoded onto the runtime grid and
/// detections ranged; (c) the preprocessing alone (part of b); (d) the decode alone (part of b).
/// Default model: the committed contract HydraNet through its implied manifest; <c>--model F --manifest M</c> for another.
/// Run: <c>dotnet run -c Release --project bench/Octopilot.Benchmarks -- manifest-path [--sets N] [--threads T]
/// [--model F --manifest M] [--cameras N] [--frame 1600x900]</c>
/// </summary>
internal static class ManifestPathRunner
{
    public static int Run(string[] args)
    {
        int sets = int.Parse(Arg(args, "--sets") ?? "100", CultureInfo.InvariantCulture);
        int threads = int.Parse(Arg(args, "--threads") ?? "1", CultureInfo.InvariantCulture);
        int cameras = int.Parse(Arg(args, "--cameras") ?? "6", CultureInfo.InvariantCulture);
        string[] size = (Arg(args, "--frame") ?? "1600x900").Split('x');
        int frameW = int.Parse(size[0], CultureInfo.InvariantCulture), frameH = int.Parse(size[1], CultureInfo.InvariantCulture);
        string model = Arg(args, "--model") ?? InferenceFixture.DefaultModelPath;
        string? manifestPath = Arg(args, "--manifest");
        var options = new InferenceOptions { ModelPath = model, IntraOpThreads = threads };
        string[] names = Enumerable.Range(0, cameras).Select(c => $"cam{c}").ToArray();
        using ForeignModelEngine engine = manifestPath is null
            ? ForeignModelEngine.OpenContract(options, names, frameW, frameH, [], MonotonicClock.Instance, TextWriter.Null)
            : ForeignModelEngine.Open(options, ModelManifestFile.Load(manifestPath), names, frameW, frameH, [], MonotonicClock.Instance, TextWriter.Null);
        PerceptionFrameSet results = engine.CreateResults();
        var random = new Random(11);
        ReadOnlyMemory<byte>[] frames = names.Select(_ =>
        {
            var f = new byte[frameW * frameH * 3];
            random.NextBytes(f);
            return (ReadOnlyMemory<byte>)f;
        }).ToArray();
        var view = new MemoryFrames(frames);
        int runsPerSet = engine.Binding.ImagesPerRun == 1 ? cameras : 1;
        using var runOptions = new RunOptions();
        var variants = new (string Name, Action Run)[]
        {
            ($"(a) bare ORT RunWithBinding x{runsPerSet}", () =>
            {
                for (int r = 0; r < runsPerSet; r++)
                {
                    engine.RunModelOnly(runOptions);
                }
            }),
            ("(b) manifest path: frames -> decoded set", () => engine.Run(view, results)),
            ("(c) preprocessing alone (part of b)", () =>
            {
                for (int c = 0; c < cameras; c++)
                {
                    engine.Input.Write(frames[c].Span, engine.Binding.ImagesPerRun == 1 ? 0 : c);
                }
            }),
            ("(d) decode alone (part of b)", () =>
            {
                for (int c = 0; c < cameras; c++)
                {
                    engine.Heads.Decode(engine.Binding.ImagesPerRun == 1 ? 0 : c, c, results, engine.Counters);
                }
            }),
        };

        int warmup = Math.Max(5, sets / 10);
        (long[][] timesNs, long[] bytes) = InterleavedTimer.Measure(variants.Select(v => v.Run).ToArray(), sets, warmup);

        CultureInfo ci = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(ci,
            $"model {Path.GetFileName(model)} ({(manifestPath is null ? "contract, implied manifest" : Path.GetFileName(manifestPath))}), input {engine.Preprocessor.InputWidthPx}x{engine.Preprocessor.InputHeightPx} {engine.Preprocessor.ElementType} {engine.Preprocessor.Layout}, {cameras} cameras of {frameW}x{frameH}, {runsPerSet} model run(s) per set, provider {engine.Provider}, {threads} intra-op thread(s), {sets} sets per variant after {warmup} warm-up, interleaved"));
        Console.WriteLine(string.Create(ci, $"input bytes written per frame: {engine.InputBytesPerFrame:N0}"));
        Console.WriteLine("| variant | sets/s | p50 ms | p99 ms | bytes/set |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var means = new double[variants.Length];
        for (int v = 0; v < variants.Length; v++)
        {
            long[] sorted = timesNs[v].Order().ToArray();
            means[v] = sorted.Average();
            double p50 = sorted[sorted.Length / 2] / 1e6, p99 = sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.99) - 1)] / 1e6;
            Console.WriteLine(string.Create(ci, $"| {variants[v].Name} | {1e9 / means[v]:0.00} | {p50:0.000} | {p99:0.000} | {bytes[v] / (double)sets:0} |"));
        }

        Console.WriteLine(string.Create(ci, $"b/a throughput {means[0] / means[1]:0.000}; preprocessing {means[2] / 1e3 / cameras:0} us per frame, decode {means[3] / 1e3 / cameras:0} us per camera"));
        return 0;
    }

    private static string? Arg(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}

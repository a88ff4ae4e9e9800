using System.Globalization;

namespace Octopilot.Benchmarks.Inference;

/// <summary>
/// The side-by-side inference benchmark: (a) bare ORT RunWithBinding, (b) Octopilot slab → decoded results,
/// (c) the tutorial pipeline, and (d) the decode step of (b) on its own; same process, model, batch and thread count, interleaved round-robin so machine noise hits
/// all three alike. Prints throughput, latency p50/p99 and managed bytes per set, and b/a.
/// Run: <c>dotnet run -c Release --project bench/Octopilot.Benchmarks -- inference-overhead [--sets N] [--threads T] [--model FILE]</c>
/// </summary>
internal static class InferenceOverheadRunner
{
    public static int Run(string[] args)
    {
        int sets = IntArg(args, "--sets", 300);
        int threads = IntArg(args, "--threads", 0);
        string model = StringArg(args, "--model") ?? InferenceFixture.DefaultModelPath;
        using var fixture = new InferenceFixture(model, threads);
        using var bare = new BareOrtRunner(fixture);
        var naive = new NaiveTutorialRunner(fixture);
        var variants = new (string Name, Action Run)[]
        {
            ("(a) bare ORT RunWithBinding", bare.Run),
            ("(b) Octopilot slab -> decoded", () => fixture.Engine.Run(fixture.Lease, fixture.Results)),
            ("(c) naive tutorial pipeline", () => naive.Run()),
            ("(d) Octopilot decode alone (part of b)", () => Octopilot.Inference.Perception.HeadDecoder.Decode(
                fixture.Lease, fixture.Engine.Outputs, fixture.Results, fixture.Engine.Counters,
                Octopilot.Inference.Engine.InferenceOptions.DefaultObjectScoreThreshold, fixture.Engine.Contract.Classes.Count)),
        };
        int warmup = Math.Max(10, sets / 10);
        (long[][] timesNs, long[] bytes) = InterleavedTimer.Measure(variants.Select(v => v.Run).ToArray(), sets, warmup);

        CultureInfo c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c,
            $"model {Path.GetFileName(model)} {fixture.Engine.InputWidthPx}x{fixture.Engine.InputHeightPx}, batch {InferenceFixture.Cameras}, provider {fixture.Engine.Provider}, intra-op threads {(threads == 0 ? "ORT default" : threads)}, {sets} sets per variant after {warmup} warm-up, interleaved"));
        Console.WriteLine($"| variant | runs/s | p50 ms | p99 ms | bytes/run |");
        Console.WriteLine($"|---|---:|---:|---:|---:|");
        var means = new double[variants.Length];
        var p50 = new double[variants.Length];
        var p99 = new double[variants.Length];
        for (int v = 0; v < variants.Length; v++)
        {
            long[] sorted = timesNs[v].Order().ToArray();
            means[v] = sorted.Average();
            p50[v] = sorted[sorted.Length / 2] / 1e6;
            p99[v] = sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.99) - 1)] / 1e6;
            Console.WriteLine(string.Create(c, $"| {variants[v].Name} | {1e9 / means[v]:0.00} | {p50[v]:0.000} | {p99[v]:0.000} | {bytes[v] / (double)sets:0} |"));
        }

        Console.WriteLine(string.Create(c,
            $"b/a throughput {means[0] / means[1]:0.000}; added latency p50 {(p50[1] - p50[0]) * 1000:0} us, p99 {(p99[1] - p99[0]) * 1000:0} us; c/a throughput {means[0] / means[2]:0.000}"));
        return 0;
    }

    private static int IntArg(string[] args, string name, int fallback) =>
        StringArg(args, name) is string value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? StringArg(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}

using Octopilot.Bench.Runner.Report;
using Octopilot.Core.Configuration;
using Octopilot.Host.Sim;

namespace Octopilot.Host.Bench;

/// <summary>A bench config (<c>runtime/config/bench-default.json</c>): which sim to run, how long, which perception, the budgets.</summary>
internal sealed record BenchConfig(string File, string SimSettingsPath, double DurationS, double WarmupS, string Perception, int? TickFifoPriority, BenchBudgets Budgets);

/// <summary>Reads a bench config strictly: unknown keys, wrong types and values out of range name the file and field (exit 2).</summary>
internal static class BenchConfigFile
{
    public const string FormatTag = "octopilot-bench-config/1";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "runtime", "config", "bench-default.json");

    public static BenchConfig Load(string path)
    {
        JsonConfigNode root = JsonConfigNode.ParseFile(path);
        root.RejectUnknownKeys("format", "description", "sim", "durationS", "warmupS", "perception", "tickFifoPriority", "budgets", "baselineTolerance");
        if (root.String("format") != FormatTag)
        {
            throw root.FieldError("format", $"must be \"{FormatTag}\"", root.String("format"));
        }

        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string sim = SimSettingsFile.ResolvePath(root, "sim", directory);
        double duration = root.NumberWhere("durationS", 30, v => v >= 1 && v <= 24 * 3600, "must be 1 s .. 24 h");
        double warmup = root.NumberWhere("warmupS", 1, v => v >= 0 && v <= 600, "must be 0..600 s");
        string perception = root.String("perception", "model");
        if (perception is not ("model" or "oracle"))
        {
            throw root.FieldError("perception", "must be \"model\" or \"oracle\"", perception);
        }

        var budgets = new BenchBudgets();
        if (root.OptionalChild("budgets") is JsonConfigNode b)
        {
            b.RejectUnknownKeys("endToEndP99Ms", "missedTicks", "droppedFrames", "incompleteSets", "consumerBytesPerSet");
            budgets = budgets with
            {
                EndToEndP99Ms = Optional(b, "endToEndP99Ms", v => v > 0, "must be > 0 ms", budgets.EndToEndP99Ms),
                MissedTicks = (long?)Optional(b, "missedTicks", v => v >= 0 && v == Math.Floor(v), "must be a whole number ≥ 0", budgets.MissedTicks),
                DroppedFrames = (long?)Optional(b, "droppedFrames", v => v >= 0 && v == Math.Floor(v), "must be a whole number ≥ 0", budgets.DroppedFrames),
                IncompleteSets = (long?)Optional(b, "incompleteSets", v => v >= 0 && v == Math.Floor(v), "must be a whole number ≥ 0", budgets.IncompleteSets),
                ConsumerBytesPerSet = (long?)Optional(b, "consumerBytesPerSet", v => v >= 0 && v == Math.Floor(v), "must be a whole number ≥ 0", budgets.ConsumerBytesPerSet),
            };
        }

        if (root.OptionalChild("baselineTolerance") is JsonConfigNode t)
        {
            t.RejectUnknownKeys("fraction", "absoluteMs");
            budgets = budgets with
            {
                RegressionFraction = t.NumberWhere("fraction", budgets.RegressionFraction, v => v >= 0 && v <= 10, "must be 0..10"),
                RegressionAbsoluteMs = t.NumberWhere("absoluteMs", budgets.RegressionAbsoluteMs, v => v >= 0 && v <= 10_000, "must be 0..10000 ms"),
            };
        }

        int? fifo = root.OptionalChild("tickFifoPriority") is null
            ? null
            : (int)root.NumberWhere("tickFifoPriority", v => v >= 1 && v <= 99 && v == Math.Floor(v), "must be a SCHED_FIFO priority 1..99");
        return new BenchConfig(Path.GetFullPath(path), sim, duration, warmup, perception, fifo, budgets);
    }

    /// <summary>A budget: absent keeps the default, null turns the check off, a number must satisfy the rule.</summary>
    private static double? Optional(JsonConfigNode node, string key, Func<double, bool> rule, string message, double? fallback)
    {
        if (node.OptionalChild(key) is not JsonConfigNode child)
        {
            return fallback;
        }

        if (child.Element.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            return null;
        }

        return node.NumberWhere(key, rule, message);
    }
}

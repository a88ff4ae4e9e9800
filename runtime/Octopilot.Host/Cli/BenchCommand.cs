using System.CommandLine;
using System.Globalization;
using Octopilot.Bench.Runner.Probe;
using Octopilot.Cameras;
using Octopilot.Core.Configuration;
using Octopilot.DriveLog.Reading;
using Octopilot.Host.Bench;
using Octopilot.Inference.Contract;
using Octopilot.Inference.Engine;

namespace Octopilot.Host.Cli;

/// <summary>
/// <c>octopilot bench [--config FILE] [--duration S] [--cameras synthetic|replay:DIR|devices:RIG] [--perception model|oracle] [--out DIR]
/// [--baseline REPORT.json] [--sweep fps=10,20,36] [--inject-delay STAGE=MS] [--no-instrumentation]</c>: a
/// hardware-in-loop bench run at real rate with a report. Exit 0 pass, 1 a budget failed or a figure regressed, 2 bad usage.
/// </summary>
internal static class BenchCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var config = new Option<string>("--config") { Description = "Bench config (sim settings, duration, perception, budgets)", DefaultValueFactory = _ => BenchConfigFile.DefaultPath };
        var duration = new Option<double?>("--duration") { Description = "Seconds per run (default: the config's)" };
        var cameras = new Option<string>("--cameras") { Description = "synthetic, replay:DIR (a drive recorded with sim --record, at its recorded rate), or devices:RIG (a rig file whose devices section maps cameras to V4L2 nodes)", DefaultValueFactory = _ => "synthetic" };
        var perception = new Option<string?>("--perception") { Description = "model or oracle (default: the config's)" };
        perception.AcceptOnlyFromAmong("model", "oracle");
        var outFolder = new Option<string>("--out") { Description = "Folder for report.json, report.md and the plots", DefaultValueFactory = _ => "bench-out" };
        var baseline = new Option<string?>("--baseline") { Description = "An earlier report.json: flag figures that got worse beyond the config's tolerance (exit 1)" };
        var sweep = new Option<string?>("--sweep") { Description = "fps=10,20,36: one run per camera rate, report the highest sustainable one" };
        var delay = new Option<string[]>("--inject-delay") { Description = "STAGE=MS: an artificial delay in inference or fusion (to check that a baseline catches it)", AllowMultipleArgumentsPerToken = true };
        var noInstrumentation = new Option<bool>("--no-instrumentation") { Description = "Stage probe off (only the pipeline's own counters): compare throughput with it on" };
        var model = new Option<string?>("--model") { Description = "Model overriding the sim settings'" };
        var manifest = new Option<string?>("--manifest") { Description = "Manifest for a foreign --model" };
        var command = new Command("bench", "Run the full pipeline at real rate for a while and write a report (report.json, report.md, PNG plots)")
        {
            config, duration, cameras, perception, outFolder, baseline, sweep, delay, noInstrumentation, model, manifest,
        };
        command.SetAction(parse =>
        {
            try
            {
                double? durationS = parse.GetValue(duration);
                if (durationS is double d && !(d >= 1 && d <= 24 * 3600))
                {
                    throw new UsageException($"--duration: must be 1 s .. 24 h (got {d})");
                }

                var request = new BenchRequest
                {
                    ConfigPath = File.Exists(parse.GetValue(config)) ? parse.GetValue(config)! : throw new UsageException($"--config: no such file: {Path.GetFullPath(parse.GetValue(config)!)}"),
                    DurationS = durationS,
                    Cameras = parse.GetValue(cameras)!,
                    Perception = parse.GetValue(perception),
                    OutputFolder = parse.GetValue(outFolder)!,
                    BaselinePath = parse.GetValue(baseline),
                    SweepFps = ParseSweep(parse.GetValue(sweep)),
                    InjectedDelaysMs = ParseDelays(parse.GetValue(delay) ?? []),
                    Instrumented = !parse.GetValue(noInstrumentation),
                    Model = parse.GetValue(model),
                    Manifest = parse.GetValue(manifest),
                };
                return CtrlC.Run(token => BenchRunner.Run(request, output, token));
            }
            catch (Exception e) when (e is ConfigException or UsageException or ArgumentException or CameraException or DriveLogException or InferenceStartupException or ModelContractException or ModelLoadException)
            {
                error.WriteLine($"octopilot bench: {e.Message}");
                return ExitCodes.ConfigurationError;
            }
        });
        return command;
    }

    private static double[] ParseSweep(string? text)
    {
        if (text is null)
        {
            return [];
        }

        const string prefix = "fps=";
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new UsageException($"--sweep: \"{text}\": give the camera rates as fps=10,20,36 (only fps is swept so far)");
        }

        double[] values = [.. text[prefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v =>
            double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double fps) && fps > 0 && fps <= 240
                ? fps
                : throw new UsageException($"--sweep: \"{v}\" is not a rate in (0, 240] fps"))];
        return values.Length > 0 ? values : throw new UsageException("--sweep: list at least one rate: fps=10,20,36");
    }

    private static Dictionary<Stage, double> ParseDelays(string[] items)
    {
        var delays = new Dictionary<Stage, double>();
        foreach (string item in items)
        {
            string[] parts = item.Split('=');
            if (parts.Length != 2 || !Stages.TryParse(parts[0], out Stage stage) || stage is not (Stage.Inference or Stage.Fusion)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double ms) || !(ms >= 0 && ms <= 10_000))
            {
                throw new UsageException($"--inject-delay: \"{item}\": give STAGE=MS with STAGE inference or fusion and 0..10000 ms");
            }

            delays[stage] = ms;
        }

        return delays;
    }
}

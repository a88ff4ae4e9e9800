using System.CommandLine;
using System.Globalization;
using Octopilot.Core.Configuration;
using Octopilot.Host.Dataset;
using Octopilot.Host.Evaluation;
using Octopilot.Inference.Contract;
using Octopilot.Inference.Engine;
using Octopilot.Inference.Perception;

namespace Octopilot.Host.Cli;

/// <summary>
/// <c>octopilot model evaluate --model FILE --data DIR [--split val|train|all] [--out DIR] [--score-threshold X]
/// [--nms-iou X] [--limit N] [--json] [--manifest FILE]</c>: a model measured on a dataset split through the runtime's own perception
/// path (see <see cref="EvaluationRunner"/>). Table on stdout (or the JSON with --json), report.json and report.md
/// with --out, progress on stderr. Bad arguments, datasets or models exit 2 naming the option or file.
/// </summary>
internal static class ModelEvaluateCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var model = new Option<string>("--model") { Description = "ONNX model: a contract HydraNet, or any model with --manifest", Required = true };
        var data = new Option<string>("--data") { Description = "Dataset folder written by `octopilot dataset export`", Required = true };
        var split = new Option<string>("--split") { Description = "Samples measured: val, train or all", DefaultValueFactory = _ => "val" };
        var outFolder = new Option<string?>("--out") { Description = "Folder for report.json and report.md (created)" };
        var threshold = new Option<float>("--score-threshold")
        {
            Description = "Operating score threshold of the detections, (0, 1) (the runtime's default)",
            DefaultValueFactory = _ => InferenceOptions.DefaultObjectScoreThreshold,
        };
        var nmsIou = new Option<float>("--nms-iou")
        {
            Description = "Box IoU above which the engine drops a weaker detection of the same class as a duplicate, (0, 1] (1: none; the runtime's default)",
            DefaultValueFactory = _ => DetectionOverlapSuppression.DefaultIouThreshold,
        };
        var limit = new Option<int>("--limit") { Description = "Measure only the split's first N samples (0: all)", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print report.json on stdout instead of the table" };
        var manifest = new Option<string?>("--manifest") { Description = "Model manifest (onnx/README.md) for a foreign model" };
        var command = new Command("evaluate", "Measure a model on a dataset split through the runtime's perception path: lane/drivable IoU, depth error, detection precision/recall per distance band, BEV position error")
        {
            model, data, split, outFolder, threshold, nmsIou, limit, json, manifest,
        };
        command.SetAction(parse =>
        {
            try
            {
                EvaluationSettings settings = Settings(
                    parse.GetValue(model)!, parse.GetValue(manifest), parse.GetValue(data)!, parse.GetValue(split)!, parse.GetValue(outFolder),
                    parse.GetValue(threshold), parse.GetValue(nmsIou), parse.GetValue(limit));
                EvaluationReport report = EvaluationRunner.Run(settings, error);
                if (settings.OutDirectory is string folder)
                {
                    Directory.CreateDirectory(folder);
                    using (FileStream file = File.Create(Path.Combine(folder, "report.json")))
                    {
                        EvaluationJsonWriter.Write(file, report);
                    }

                    EvaluationMarkdownWriter.Write(Path.Combine(folder, "report.md"), report);
                }

                if (parse.GetValue(json))
                {
                    using var buffer = new MemoryStream();
                    EvaluationJsonWriter.Write(buffer, report);
                    output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                }
                else
                {
                    EvaluationTextWriter.Write(output, report);
                }

                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is UsageException or DatasetFormatException or ConfigException or InferenceStartupException or ModelContractException or ModelLoadException)
            {
                error.WriteLine($"octopilot model evaluate: {e.Message}");
                return ExitCodes.ConfigurationError;
            }
        });
        return command;
    }

    private static EvaluationSettings Settings(string modelPath, string? manifestPath, string dataPath, string split, string? outFolder, float threshold, float nmsIou, int limit)
    {
        if (!File.Exists(modelPath))
        {
            throw new UsageException($"--model: no such file: {Path.GetFullPath(modelPath)}");
        }

        if (manifestPath is not null && !File.Exists(manifestPath))
        {
            throw new UsageException($"--manifest: no such file: {Path.GetFullPath(manifestPath)}");
        }

        if (!Directory.Exists(dataPath))
        {
            throw new UsageException($"--data: no such folder: {Path.GetFullPath(dataPath)}");
        }

        if (!(threshold > 0 && threshold < 1))
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--score-threshold: must be in (0, 1) (got {threshold})"));
        }

        if (!(nmsIou > 0 && nmsIou <= 1))
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--nms-iou: must be in (0, 1] (1: no suppression; got {nmsIou})"));
        }

        if (limit < 0)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--limit: must be 0 (all) or a positive number of samples (got {limit})"));
        }

        if (outFolder is not null && File.Exists(outFolder))
        {
            throw new UsageException($"--out: {Path.GetFullPath(outFolder)} is a file; give a folder");
        }

        return new EvaluationSettings
        {
            ModelPath = modelPath,
            ManifestPath = manifestPath,
            DataPath = dataPath,
            Split = split switch
            {
                "val" => DatasetSplit.Val,
                "train" => DatasetSplit.Train,
                "all" => null,
                _ => throw new UsageException($"--split: must be val, train or all (got \"{split}\")"),
            },
            OutDirectory = outFolder,
            ScoreThreshold = threshold,
            NmsIou = nmsIou,
            Limit = limit,
        };
    }
}

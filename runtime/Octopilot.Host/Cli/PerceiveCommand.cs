using System.CommandLine;
using Octopilot.Core.Configuration;
using Octopilot.Host.Perceive;
using Octopilot.Inference.Contract;
using Octopilot.Inference.Engine;

namespace Octopilot.Host.Cli;

/// <summary>
/// <c>octopilot perceive --model FILE [--manifest FILE] [--rig FILE] [--out DIR] IMAGES...</c>: what a model sees on still
/// images (one per camera as CAM_NAME=path, or one bare path). Bad arguments, manifests, models or rigs exit 2.
/// </summary>
internal static class PerceiveCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var model = new Option<string>("--model") { Description = "ONNX model: a contract HydraNet, or any model with --manifest", Required = true };
        var manifest = new Option<string?>("--manifest") { Description = "model manifest (onnx/README.md, \"Model manifests\") for a foreign model" };
        var rig = new Option<string?>("--rig") { Description = "rig file, or a nuScenes sample_info.json: adds the fused BEV objects (bev.json, bev.png)" };
        var outFolder = new Option<string>("--out") { Description = "output folder", DefaultValueFactory = _ => "perceive-out" };
        var images = new Argument<string[]>("IMAGES") { Description = "CAM_NAME=path per camera (names from the rig), or one image path", Arity = ArgumentArity.OneOrMore };
        var command = new Command("perceive", "Run perception on still images: masks, overlay and detections per image; with --rig the BEV objects")
        {
            model, manifest, rig, outFolder, images,
        };
        command.SetAction(parse =>
        {
            try
            {
                string modelPath = parse.GetValue(model)!;
                if (!File.Exists(modelPath))
                {
                    throw new UsageException($"--model: no such file: {Path.GetFullPath(modelPath)}");
                }

                string? manifestPath = parse.GetValue(manifest);
                if (manifestPath is not null && !File.Exists(manifestPath))
                {
                    throw new UsageException($"--manifest: no such file: {Path.GetFullPath(manifestPath)}");
                }

                var settings = new PerceiveSettings(modelPath, manifestPath, parse.GetValue(rig), parse.GetValue(images)!, parse.GetValue(outFolder)!);
                return PerceiveRunner.Run(settings, output);
            }
            catch (Exception e) when (e is ConfigException or UsageException or ArgumentException or InferenceStartupException or ModelContractException or ModelLoadException)
            {
                error.WriteLine($"octopilot perceive: {e.Message}");
                return ExitCodes.ConfigurationError;
            }
        });
        return command;
    }
}

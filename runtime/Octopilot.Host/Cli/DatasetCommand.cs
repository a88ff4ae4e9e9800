using System.CommandLine;
using System.Globalization;
using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Calibration;
using Octopilot.Core.Configuration;
using Octopilot.Host.Dataset;

namespace Octopilot.Host.Cli;

/// <summary>
/// `octopilot dataset export`: renders generated scenes from every camera of the rig and writes images, class maps,
/// depth maps and object lists for training (format in runtime/Octopilot.Host/README.md). Every input is checked
/// before anything is written; a bad one exits 2 naming the option or file.
/// </summary>
internal static class DatasetCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var scenarios = new Option<string[]>("--scenarios")
        {
            Description = "Base camera scenario files (e.g. runtime/config/scenario-highway.json), used round robin",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var frames = new Option<int>("--frames") { Description = "Number of samples (scenes); each writes every rig camera", Required = true };
        var outDirectory = new Option<string>("--out") { Description = "Output folder: must not exist or be empty (see --force)", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed of every scene and of the train/val split", DefaultValueFactory = _ => 1 };
        var rig = new Option<string>("--rig") { Description = "Rig file (the shipped eight-camera rig by default)", DefaultValueFactory = _ => DefaultRigPath };
        var width = new Option<int>("--width") { Description = "Image width, px", DefaultValueFactory = _ => DatasetExportOptions.DefaultWidthPx };
        var height = new Option<int>("--height") { Description = "Image height, px (same aspect ratio as the rig's cameras)", DefaultValueFactory = _ => DatasetExportOptions.DefaultHeightPx };
        var valFraction = new Option<double>("--val-fraction") { Description = "Share of samples (whole scenes) in the validation split, 0..1", DefaultValueFactory = _ => DatasetExportOptions.DefaultValFraction };
        var threads = new Option<int>("--threads")
        {
            Description = "Samples rendered at once (one per core by default); the files do not depend on it",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var force = new Option<bool>("--force") { Description = "Write into a non-empty --out: its samples/ folder and manifest.json are replaced, other files are left" };
        var export = new Command("export", "Write training data (images, class maps, depth, objects, manifest) from generated synthetic scenes")
        {
            scenarios, frames, outDirectory, seed, rig, width, height, valFraction, threads, force,
        };
        export.SetAction(parse =>
        {
            try
            {
                string outPath = parse.GetValue(outDirectory)!;
                var options = new DatasetExportOptions
                {
                    ScenarioFiles = parse.GetValue(scenarios)!,
                    RigFile = RequireFile(parse.GetValue(rig)!, "--rig"),
                    Frames = RequireRange(parse.GetValue(frames), "--frames", 1, DatasetExportOptions.MaxFrames),
                    OutDirectory = outPath,
                    Seed = parse.GetValue(seed),
                    WidthPx = RequireRange(parse.GetValue(width), "--width", DatasetExportOptions.MinSidePx, DatasetExportOptions.MaxSidePx),
                    HeightPx = RequireRange(parse.GetValue(height), "--height", DatasetExportOptions.MinSidePx, DatasetExportOptions.MaxSidePx),
                    ValFraction = RequireFraction(parse.GetValue(valFraction), "--val-fraction"),
                    Threads = RequireRange(parse.GetValue(threads), "--threads", 1, DatasetExportOptions.MaxThreads),
                    CommandArguments = RecordedArguments(parse.Tokens.Select(t => t.Value).ToArray(), outPath),
                };
                var loaded = new List<(string FileName, HighwayScenario Scenario)>();
                foreach (string file in options.ScenarioFiles)
                {
                    loaded.Add((Path.GetFileName(file), ScenarioFile.Load(RequireFile(file, "--scenarios"))));
                }

                CameraRig cameraRig = RigFile.Load(options.RigFile);
                RequireAspect(cameraRig, options.WidthPx, options.HeightPx);
                PrepareOutDirectory(outPath, parse.GetValue(force));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"octopilot dataset export: {options.Frames} samples x {cameraRig.Count} cameras at {options.WidthPx}x{options.HeightPx} from {loaded.Count} scenario(s), seed {options.Seed}, val fraction {options.ValFraction} -> {Path.GetFullPath(outPath)}"));
                bool interactive = !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
                var bar = new ProgressBar(output, interactive);
                DatasetExportSummary summary = DatasetExporter.Run(options, loaded, cameraRig, bar.Report);
                bar.Finish();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {summary.Samples} samples ({summary.TrainSamples} train, {summary.ValSamples} val), {summary.Files} files, {summary.Bytes / (1024.0 * 1024.0):0.0} MiB in {summary.ElapsedS:0.0} s"));
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is ConfigException or UsageException)
            {
                error.WriteLine($"octopilot dataset export: {e.Message}");
                return ExitCodes.ConfigurationError;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"octopilot dataset export: writing the dataset failed (it is incomplete: no manifest.json): {e.Message}");
                return ExitCodes.Failed;
            }
        });
        return new Command("dataset", "Training data from the synthetic cameras") { export };
    }

    /// <summary>The rig file shipped next to the binary.</summary>
    public static string DefaultRigPath => Path.Combine(AppContext.BaseDirectory, "runtime", "config", "rig-default-8cam.json");

    /// <summary>
    /// The command line for the manifest: the arguments that decide the content, with the --out value replaced by the
    /// folder's own name and --threads and --force left out, so the same export into two places, at any thread count,
    /// gives byte-identical files.
    /// </summary>
    private static string[] RecordedArguments(string[] tokens, string outPath)
    {
        string outName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(outPath)));
        var recorded = new List<string> { "dataset", "export" };
        string[] given = tokens.SkipWhile(t => t is "dataset" or "export").ToArray();
        for (int i = 0; i < given.Length; i++)
        {
            string token = given[i];
            if (token is "--threads" or "--out")
            {
                if (token == "--out")
                {
                    recorded.AddRange(["--out", outName]);
                }

                i++;
            }
            else if (token.StartsWith("--out=", StringComparison.Ordinal) || token.StartsWith("--out:", StringComparison.Ordinal))
            {
                recorded.Add("--out=" + outName);
            }
            else if (token != "--force" && !token.StartsWith("--threads=", StringComparison.Ordinal) && !token.StartsWith("--threads:", StringComparison.Ordinal))
            {
                recorded.Add(token);
            }
        }

        return [.. recorded];
    }

    private static void PrepareOutDirectory(string outPath, bool force)
    {
        if (File.Exists(outPath))
        {
            throw new UsageException($"--out: {Path.GetFullPath(outPath)} is a file; give a folder that does not exist or is empty");
        }

        if (Directory.Exists(outPath) && Directory.EnumerateFileSystemEntries(outPath).Any())
        {
            if (!force)
            {
                throw new UsageException($"--out: {Path.GetFullPath(outPath)} exists and is not empty; give an empty or new folder, or add --force to replace its samples/ and manifest.json");
            }

            string samples = Path.Combine(outPath, DatasetFormat.SamplesFolder);
            if (Directory.Exists(samples))
            {
                Directory.Delete(samples, recursive: true);
            }

            File.Delete(Path.Combine(outPath, DatasetFormat.ManifestFile));
        }

        Directory.CreateDirectory(outPath);
    }

    private static void RequireAspect(CameraRig rig, int widthPx, int heightPx)
    {
        foreach (CameraCalibration camera in rig.Cameras)
        {
            int w = camera.Intrinsics.WidthPx, h = camera.Intrinsics.HeightPx;
            if ((long)widthPx * h != (long)heightPx * w)
            {
                throw new UsageException(
                    $"--width/--height: {widthPx}x{heightPx} must have the aspect ratio {w}:{h} of rig camera '{camera.Name}' (e.g. {w / 4}x{h / 4}, {w / 20}x{h / 20})");
            }
        }
    }

    private static int RequireRange(int value, string option, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option}: must be a whole number in {min}..{max} (got {value})"));
        }

        return value;
    }

    private static double RequireFraction(double value, string option)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option}: must be in 0..1 (got {value})"));
        }

        return value;
    }

    private static string RequireFile(string path, string option)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{option}: no such file: {Path.GetFullPath(path)}");
        }

        return path;
    }
}

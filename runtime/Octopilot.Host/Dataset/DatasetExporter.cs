using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Calibration;

namespace Octopilot.Host.Dataset;

/// <summary>
/// Writes a dataset: for sample i, base scenario i mod count, the scene variant of (seed, i), the split of (seed, i),
/// the sample folder, then the manifest last (a folder with a manifest is complete). Samples are independent, so they
/// render on <see cref="DatasetExportOptions.Threads"/> workers, each with its own <see cref="DatasetSampleWriter"/>;
/// nothing depends on which worker wrote what, so the same options give byte-identical files at any thread count.
/// The caller has validated the options and loaded the inputs.
/// </summary>
internal static class DatasetExporter
{
    /// <param name="scenarios">The base scenarios with their file names, in --scenarios order.</param>
    /// <param name="progress">Called after each sample with the fraction done, one call at a time (under a lock).</param>
    public static DatasetExportSummary Run(
        DatasetExportOptions options, IReadOnlyList<(string FileName, HighwayScenario Scenario)> scenarios, CameraRig rig, Action<double> progress)
    {
        var clock = Stopwatch.StartNew();
        string samplesFolder = Path.Combine(options.OutDirectory, DatasetFormat.SamplesFolder);
        Directory.CreateDirectory(samplesFolder);
        var samples = new DatasetSample[options.Frames];
        var files = new int[options.Frames];
        var bytes = new long[options.Frames];
        var progressLock = new Lock();
        int done = 0;
        try
        {
            Parallel.For(
                0,
                options.Frames,
                new ParallelOptions { MaxDegreeOfParallelism = options.Threads },
                () => new DatasetSampleWriter(rig, options.WidthPx, options.HeightPx),
                (i, _, writer) =>
                {
                    (string fileName, HighwayScenario baseScenario) = scenarios[i % scenarios.Count];
                    SceneVariant variant = SceneVariantGenerator.Generate(fileName, baseScenario, DatasetSeeds.VariantSeed(options.Seed, i));
                    DatasetSplit split = DatasetSeeds.SplitHash(options.Seed, i) < options.ValFraction ? DatasetSplit.Val : DatasetSplit.Train;
                    string id = DatasetFormat.SampleId(i);
                    (files[i], bytes[i]) = writer.Write(Path.Combine(samplesFolder, id), variant);
                    samples[i] = new DatasetSample(id, split, variant);
                    lock (progressLock)
                    {
                        progress(++done / (double)options.Frames);
                    }

                    return writer;
                },
                _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        string manifest = Path.Combine(options.OutDirectory, DatasetFormat.ManifestFile);
        DatasetManifestWriter.Write(manifest, options, rig, samples);
        int val = samples.Count(s => s.Split == DatasetSplit.Val);
        return new DatasetExportSummary(
            samples.Length, samples.Length - val, val, files.Sum() + 1, bytes.Sum() + new FileInfo(manifest).Length, clock.Elapsed.TotalSeconds);
    }
}

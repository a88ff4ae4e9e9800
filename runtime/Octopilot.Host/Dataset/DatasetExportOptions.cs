namespace Octopilot.Host.Dataset;

/// <summary>
/// What <c>octopilot dataset export</c> was asked for, checked by the command before anything is written
/// (files exist, sizes in range and of the rig's aspect ratio, output folder empty or --force). Immutable.
/// </summary>
internal sealed record DatasetExportOptions
{
    /// <summary>
    /// Most samples one export writes: 100 000 scenes at 384x288 are about 370 GB of files, and every scene stays in
    /// memory until the manifest is written (a few KiB each).
    /// </summary>
    public const int MaxFrames = 100_000;

    /// <summary>Image side range, pixels: below 16 the cameras see nothing useful; above 4096 a sample is hundreds of MiB.</summary>
    public const int MinSidePx = 16, MaxSidePx = 4096;

    /// <summary>Default mode: the sim's 384x288 (sim-default.json), the resolution the HydraNet runs at.</summary>
    public const int DefaultWidthPx = 384, DefaultHeightPx = 288;

    /// <summary>Default share of samples in the validation split.</summary>
    public const double DefaultValFraction = 0.1;

    /// <summary>Most worker threads.</summary>
    public const int MaxThreads = 256;

    /// <summary>Base scenario files, used round robin (sample i derives from file i mod count).</summary>
    public required IReadOnlyList<string> ScenarioFiles { get; init; }

    public required string RigFile { get; init; }

    /// <summary>Number of samples (scenes); each writes every rig camera.</summary>
    public required int Frames { get; init; }

    public required string OutDirectory { get; init; }

    public required ulong Seed { get; init; }

    public required int WidthPx { get; init; }

    public required int HeightPx { get; init; }

    /// <summary>Share of samples in the validation split, 0..1.</summary>
    public required double ValFraction { get; init; }

    /// <summary>Samples rendered at once, 1..<see cref="MaxThreads"/>; the output does not depend on it.</summary>
    public required int Threads { get; init; }

    /// <summary>The command line as recorded in the manifest (the --out value replaced by the folder's name).</summary>
    public required IReadOnlyList<string> CommandArguments { get; init; }
}

using System.Globalization;
using Octopilot.DriveLog.Reading;
using Octopilot.Replay.Playback;

namespace Octopilot.Host.Cli;

/// <summary>The lines `octopilot replay` ends with: what was replayed, what matched, what differed first, what was damaged.</summary>
internal static class ReplaySummaryWriter
{
    public static void Write(ReplayResult r, bool compare, TextWriter output)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c,
            $"replayed:    {r.TicksReplayed} ticks, {r.DriveS:0.00} s of drive in {r.WallS:0.00} s ({r.SpeedFactor:0.#}x real time); {r.SetsProcessed} frame sets, {r.FramesDecoded} frames decoded, {r.FramesMissing} missing, {r.FramesCorrupt} corrupt"));
        output.WriteLine(string.Create(c,
            $"world model: {r.WorldModelsCompared} compared with the recording, {r.WorldModelsDiffering} differ; {r.WorldModelsUnavailable} ticks' world model not reproducible (its set is not in the log)"));
        output.WriteLine(string.Create(c,
            $"commands:    {r.CommandsCompared} compared, {r.CommandsDiffering} differ; stream hash {r.CommandStreamHash:x16}"));
        foreach (string warning in r.Warnings.Take(10))
        {
            output.WriteLine($"warning:     {warning}");
        }

        foreach (DriveLogDamage damage in r.Damages.Take(10))
        {
            output.WriteLine($"damage:      {damage}");
        }

        if (r.Damages.Count > 10)
        {
            output.WriteLine($"damage:      ... {r.Damages.Count} ranges in all ('octopilot log info' lists them)");
        }

        if (r.FirstDivergence is { } d)
        {
            output.WriteLine($"divergence:  {d}");
        }

        output.WriteLine(compare
            ? r.Identical ? "verdict:     IDENTICAL: every recomputed command equals the recorded one, bit for bit" : "verdict:     DIVERGED (exit 1)"
            : r.Identical ? "verdict:     commands identical to the recording" : $"verdict:     {r.CommandsDiffering} commands differ from the recording (use --compare to stop at the first)");
    }
}

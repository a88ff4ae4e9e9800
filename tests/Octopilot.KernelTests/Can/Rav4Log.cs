using Octopilot.Testing;
using Octopilot.Vehicle.Can.Dbc;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Sources;

namespace Octopilot.KernelTests.Can;

/// <summary>
/// The real car: the comma2k19 RAV4 (2017-18, TSS-P) powertrain bus (can0) from ../shared/data, and the opendbc DBC
/// that decodes it. Absent data fails the test naming the folder looked for (<see cref="SharedData"/>).
/// </summary>
internal static class Rav4Log
{
    /// <summary>8.46 s into the log: the first BLINKERS_STATE frame (sent on change and about every 10 s); the state is
    /// incomplete, never valid, before it.</summary>
    public const double FirstBlinkersS = 8.46;

    /// <summary>9.02 s into the log: the driver engages cruise (PCM_CRUISE.CRUISE_ACTIVE 0 → 1), for the only time in the minute.</summary>
    public const double EngagedS = 9.02;

    private static readonly Lazy<DbcFile> PowertrainLazy = new(() =>
        DbcParser.Load(SharedData.File("opendbc-toyota", "toyota_new_mc_pt_generated.dbc")));

    private static readonly Lazy<CanFrame[]> First10sCan0 = new(() => ReadCan0(SharedData.File("comma2k19-rav4-segment", "raw_can_first10s.candump.log")));

    /// <summary>toyota_new_mc_pt_generated.dbc, parsed once.</summary>
    public static DbcFile Powertrain => PowertrainLazy.Value;

    /// <summary>
    /// The can0 frames from <paramref name="fromS"/> to <paramref name="toS"/> seconds after the log's first can0 frame
    /// (0..10 s), in log order, stamped with the log's own time (boot seconds as ns).
    /// </summary>
    public static CanFrame[] Can0Slice(double fromS, double toS)
    {
        CanFrame[] all = First10sCan0.Value;
        long startNs = all[0].TimestampNs;
        return all.Where(f => f.TimestampNs - startNs >= fromS * 1e9 && f.TimestampNs - startNs < toS * 1e9).ToArray();
    }

    private static CanFrame[] ReadCan0(string path)
    {
        using var log = new CandumpLogSource(path, new CandumpLogOptions { Interface = "can0" });
        var frames = new List<CanFrame>();
        CanFrame frame = default;
        while (log.Read(ref frame, 0, CancellationToken.None) == CanReadStatus.Frame)
        {
            frames.Add(frame);
        }

        if (log.MalformedInputs != 0 || frames.Count < 8_000)
        {
            throw new InvalidDataException($"{path}: expected about 9,000 clean can0 frames, read {frames.Count} and {log.MalformedInputs} malformed lines");
        }

        return [.. frames];
    }
}

using Octopilot.Testing;
using Octopilot.Vehicle.Can.Dbc;

namespace Octopilot.Vehicle.Can.Tests.Infrastructure;

/// <summary>The opendbc Toyota DBCs and the comma2k19 RAV4 minute, by path, and the DBCs parsed once per test run.</summary>
internal static class ToyotaData
{
    public const string DbcSet = "opendbc-toyota";
    public const string Rav4Set = "comma2k19-rav4-segment";

    private static readonly Lazy<DbcFile> PowertrainLazy = new(() => DbcParser.Load(PowertrainDbcPath));
    private static readonly Lazy<DbcFile> AdasLazy = new(() => DbcParser.Load(AdasDbcPath));

    public static string PowertrainDbcPath => SharedData.File(DbcSet, "toyota_new_mc_pt_generated.dbc");

    public static string AdasDbcPath => SharedData.File(DbcSet, "toyota_adas.dbc");

    public static string SourceFolder => Path.GetDirectoryName(SharedData.File(DbcSet, Path.Combine("src", "toyota_adas.dbc")))!;

    public static string RawCanMinutePath => SharedData.File(Rav4Set, "raw_can.candump.log.gz");

    public static string RawCanFirst10sPath => SharedData.File(Rav4Set, "raw_can_first10s.candump.log");

    public static string ProcessedPath(string relative) => SharedData.File(Rav4Set, Path.Combine("processed_log", relative));

    /// <summary>toyota_new_mc_pt_generated.dbc: the RAV4 2017-18 powertrain DBC.</summary>
    public static DbcFile Powertrain => PowertrainLazy.Value;

    /// <summary>toyota_adas.dbc: the radar tracks.</summary>
    public static DbcFile Adas => AdasLazy.Value;
}

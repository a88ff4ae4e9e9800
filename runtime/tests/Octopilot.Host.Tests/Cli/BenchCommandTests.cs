using System.Text.Json;
using Octopilot.Host.Cli;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Testing;

namespace Octopilot.Host.Tests.Cli;

/// <summary>
/// `octopilot bench` end to end on the default sim (real time, so runs are kept to a few seconds): every report file,
/// figures for every stage, a baseline comparison that catches an injected delay and names the stage, and bad usage
/// (exit 2). The budgets of these runs are loosened in a test config: this machine is shared, and a missed tick under
/// test load says nothing about the code.
/// </summary>
public sealed class BenchCommandTests
{
    /// <summary>
    /// The default sim without its model (oracle perception, no HydraNet in shadow): a set costs ~10 ms, so an injected
    /// delay stays inside the 66 ms frame period even when the test projects run in parallel on two cores.
    /// </summary>
    private static string Config(TempFolder temp)
    {
        string sim = temp.Write("sim.json", $$"""
            {
              "rig": "{{Json(Path.Combine(RepositoryPaths.ConfigDirectory, "rig-default-8cam.json"))}}",
              "scenario": "{{Json(Path.Combine(RepositoryPaths.ConfigDirectory, "scenario-highway.json"))}}",
              "mode": { "widthPx": 384, "heightPx": 288, "framesPerSecond": 15 },
              "pipeline": { "slabCount": 4, "syncToleranceMs": 5, "setDeadlineMs": 50 }
            }
            """);
        return temp.Write("bench.json", $$"""
            {
              "format": "octopilot-bench-config/1",
              "sim": "{{Json(sim)}}",
              "durationS": 3,
              "warmupS": 1,
              "perception": "oracle",
              "budgets": { "endToEndP99Ms": 5000, "missedTicks": null, "droppedFrames": null, "incompleteSets": null, "consumerBytesPerSet": null },
              "baselineTolerance": { "fraction": 0.5, "absoluteMs": 10 }
            }
            """);
    }

    private static string Json(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);

    [Fact]
    public void Bench_ShortRun_WritesEveryFileWithFiguresForEveryStage()
    {
        using var temp = new TempFolder();
        string output = Path.Combine(temp.Path, "out");

        CliRun run = CliRun.Of("bench", "--config", Config(temp), "--out", output);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
        foreach (string file in new[] { "report.json", "report.md", "latency-cdf.png", "e2e-over-time.png", "tick-lateness.png", "drops-over-time.png" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} missing");
        }

        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        JsonElement root = report.RootElement;
        Assert.Equal("octopilot-bench-report/1", root.GetProperty("format").GetString());
        Assert.Equal(6, root.GetProperty("stages").GetArrayLength());
        Assert.All(root.GetProperty("stages").EnumerateArray(), s => Assert.True(s.GetProperty("count").GetInt64() >= 10, $"{s.GetProperty("name")} has few sets"));
        Assert.True(root.GetProperty("tick").GetProperty("ticks").GetInt64() >= 250);
        Assert.Equal(8, root.GetProperty("cameras").GetArrayLength());
        Assert.All(root.GetProperty("cameras").EnumerateArray(), c =>
        {
            Assert.Equal("RenderedInPlace", c.GetProperty("transfer").GetString()); // synthetic frames are produced in the slab
            Assert.Equal(0, c.GetProperty("bytesCopiedPerFrame").GetInt64());
        });
        Assert.Equal(0, root.GetProperty("memory").GetProperty("consumerSteadyStateBytes").GetInt64());
        Assert.True(root.GetProperty("passed").GetBoolean());
        Assert.Contains("bench: PASS", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_InjectedFusionDelayAgainstBaseline_FailsNamingTheStageAndFigures()
    {
        using var temp = new TempFolder();
        string config = Config(temp);
        string first = Path.Combine(temp.Path, "first");
        CliRun baseline = CliRun.Of("bench", "--config", config, "--out", first);
        Assert.True(baseline.ExitCode == ExitCodes.Ok, baseline.Error + baseline.Output);

        CliRun slower = CliRun.Of("bench", "--config", config, "--out", Path.Combine(temp.Path, "second"),
            "--baseline", Path.Combine(first, "report.json"), "--inject-delay", "fusion=150"); // far beyond what machine load does to a ~10 ms stage

        Assert.True(slower.ExitCode == ExitCodes.Failed, slower.Error + slower.Output);
        Assert.True(slower.Output.Contains("REGRESSION fusion p", StringComparison.Ordinal), slower.Output);
        Assert.Contains("against the baseline's", slower.Output, StringComparison.Ordinal);
        Assert.Contains("bench: FAIL", slower.Output, StringComparison.Ordinal);
        string md = File.ReadAllText(Path.Combine(temp.Path, "second", "report.md"));
        Assert.Contains("regression(s)", md, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--cameras", "devices", "allowed are synthetic, replay:DIR (a recorded drive) and devices:RIG")]
    [InlineData("--cameras", "devices:/nonexistent/rig.json", "no such rig file")]
    [InlineData("--cameras", "replay:/nonexistent/drive", "no such drive folder")]
    [InlineData("--inject-delay", "tick=5", "STAGE=MS")]
    [InlineData("--sweep", "resolution=1,2", "fps=10,20,36")]
    [InlineData("--duration", "0.1", "--duration: must be")]
    public void Bench_BadUsage_ExitsTwoNamingTheOption(string option, string value, string fragment)
    {
        using var temp = new TempFolder();

        CliRun run = CliRun.Of("bench", "--config", Config(temp), "--out", Path.Combine(temp.Path, "out"), option, value);

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains(fragment, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_ReplayCameras_BenchesARecordedDriveThroughTheSamePipeline()
    {
        using var temp = new TempFolder();
        string drive = Path.Combine(temp.Path, "drive");
        CliRun record = CliRun.Of("sim", "--config", RepositoryFiles.SimSettings, "--duration", "4", "--no-inference", "--record", drive);
        Assert.True(record.ExitCode == ExitCodes.Ok, record.Error + record.Output);

        CliRun run = CliRun.Of("bench", "--config", Config(temp), "--cameras", $"replay:{drive}", "--duration", "3", "--out", Path.Combine(temp.Path, "out"));

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "out", "report.json")));
        JsonElement root = report.RootElement;
        Assert.Equal($"replay:{drive}", root.GetProperty("setup").GetProperty("cameras").GetString());
        Assert.Equal("oracle", root.GetProperty("setup").GetProperty("perception").GetString()); // what the drive recorded
        Assert.Equal(8, root.GetProperty("cameras").GetArrayLength());
        Assert.All(root.GetProperty("cameras").EnumerateArray(), c => Assert.Equal("DecodedFromRecording", c.GetProperty("transfer").GetString()));
        Assert.True(root.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "endToEnd").GetProperty("count").GetInt64() >= 10);
    }

    [Fact]
    public void Bench_DeviceRigWithoutDevicesSection_ExitsTwoSayingSo()
    {
        using var temp = new TempFolder();

        CliRun run = CliRun.Of("bench", "--config", Config(temp), "--out", Path.Combine(temp.Path, "out"), "--cameras", $"devices:{RepositoryFiles.Rig}");

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("has no devices section", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_BaselineThatIsNotAReport_ExitsTwo()
    {
        using var temp = new TempFolder();
        string notReport = temp.Write("other.json", "{\"format\": \"octopilot-perceive-bev/1\"}");

        CliRun run = CliRun.Of("bench", "--config", Config(temp), "--out", Path.Combine(temp.Path, "out"), "--baseline", notReport);

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("octopilot-bench-report/1", run.Error, StringComparison.Ordinal);
    }
}

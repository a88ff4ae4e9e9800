using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Octopilot.Host.Cli;
using Octopilot.Host.Service;
using Octopilot.Host.Sim;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Testing;

namespace Octopilot.Host.Tests.Deploy;

/// <summary>
/// `./deploy-arm64.sh`: bad usage exits 2 before anything is built; `--dest DIR` publishes linux-arm64 once (about two
/// minutes on 2 cores; the arm64 binaries are inspected, never run) and stages the vehicle computer's tree, whose unit
/// and configuration must agree with each other and load with the service's own loader; a second run rebuilds the
/// same tree without stale files. Runs alone: the publish takes both cores, and the service tests time watchdog pings.
/// </summary>
[Collection(DeployCollection.Name)]
public sealed class DeployScriptTests
{
    /// <summary>A publish on 2 cores takes about 2 minutes (packages restored) or 3 (first restore); 15 is a hang.</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan UsageTimeout = TimeSpan.FromSeconds(60);

    private const int ElfMachineAarch64 = 0xB7;

    /// <summary>The planner tick rate the watchdog's tick count is measured against (TickLoopOptions.DefaultPeriodNs).</summary>
    private const double PlannerRateHz = 100;

    [Fact]
    public void Dest_Twice_StagesTheVehicleTreeThatLoadsAndRebuildsItWithoutStaleFiles()
    {
        using var folder = new TempFolder();
        string stage = Path.Combine(folder.Path, "stage");

        ScriptRun first = ScriptRun.Of(PublishTimeout, "--dest", stage);

        Assert.True(first.ExitCode == 0, "deploy-arm64.sh --dest failed:\n" + first.Describe());
        string opt = Path.Combine(stage, "opt", "octopilot");
        string[] expectedFiles =
        [
            "opt/octopilot/octopilot",
            "opt/octopilot/octopilot.dll",
            "opt/octopilot/libonnxruntime.so",
            "opt/octopilot/RELEASE",
            "opt/octopilot/deploy/README.md",
            "opt/octopilot/runtime/config/rig-default-8cam.json",
            "opt/octopilot/runtime/config/scenario-highway.json",
            "opt/octopilot/runtime/config/sim-vehicle-1280x960.json",
            "opt/octopilot/onnx/models/hydranet-tiny-288x384/model.onnx",
            "opt/octopilot/onnx/models/hydranet-tiny-288x384/model.onnx.sha256",
            "etc/octopilot/octopilot.json",
            "etc/octopilot/vehicle-settings.json",
            "etc/systemd/system/octopilot.service",
        ];
        string[] missing = expectedFiles.Where(f => !File.Exists(Path.Combine(stage, f))).ToArray();
        Assert.True(missing.Length == 0, "missing from the staged tree: " + string.Join(", ", missing));
        Assert.True(Directory.Exists(Path.Combine(stage, "var", "lib", "octopilot", "drives")), "no var/lib/octopilot/drives");
        Assert.False(File.Exists(Path.Combine(stage, "etc", "systemd", "system", "octopilot.service.d", "jetson-gpu.conf")),
            "the GPU device drop-in belongs only to installs with --onnxruntime-lib");

        AssertAarch64Elf(Path.Combine(opt, "octopilot"));
        AssertAarch64Elf(Path.Combine(opt, "libonnxruntime.so"));
        AssertModelMatchesItsChecksum(Path.Combine(opt, "onnx", "models", "hydranet-tiny-288x384"));

        // The deployed configuration binds and validates with the service's own loader, inside the staged tree: its
        // relative paths lead from etc/octopilot to opt/octopilot exactly as they do from /etc/octopilot on the car.
        string configFile = Path.Combine(stage, "etc", "octopilot", "octopilot.json");
        ServiceOptions options = RunCommand.Load(configFile);
        SimSettings settings = SimSettingsFile.Load(Path.Combine(Path.GetDirectoryName(configFile)!, options.Settings!));
        Assert.Equal(Path.Combine(opt, "runtime", "config", "rig-default-8cam.json"), settings.RigFile);
        Assert.Equal(Path.Combine(opt, "runtime", "config", "scenario-highway.json"), settings.ScenarioFile);
        Assert.Equal((1280, 960, 36.0), (settings.Mode.WidthPx, settings.Mode.HeightPx, settings.Mode.FramesPerSecond));
        if (options.Perception == "model")
        {
            Assert.True(settings.Inference is not null, "perception 'model' needs an inference section in the settings file");
        }

        AssertUnitMatchesTheTreeAndTheConfig(stage, options);
        AssertUnitCheckedWhereSystemdAnalyzeExists(first);

        // Second run over the first: stale files go, the same tree comes back.
        string[] before = RelativeFiles(stage);
        File.WriteAllText(Path.Combine(opt, "stale-from-an-old-release.dll"), "stale");
        File.WriteAllText(Path.Combine(stage, "etc", "octopilot", "stale.json"), "{}");

        ScriptRun second = ScriptRun.Of(PublishTimeout, "--dest", stage);

        Assert.True(second.ExitCode == 0, "second deploy-arm64.sh --dest failed:\n" + second.Describe());
        Assert.Equal(before, RelativeFiles(stage));
    }

    [Theory]
    [InlineData("exclusive", "--dest", "{folder}/stage", "--target", "pi@car")]
    [InlineData("unknown option '--frobnicate'", "--dest", "{folder}/stage", "--frobnicate")]
    [InlineData("--dest needs a value", "--dest")]
    [InlineData("--dest DIR (a staging folder) or --target USER@HOST")]
    [InlineData("not an ELF file", "--dest", "{folder}/stage", "--onnxruntime-lib", "{folder}/libonnxruntime.txt")]
    [InlineData("an ELF file for another machine (EI_CLASS EI_DATA e_machine = 2 1 62", "--dest", "{folder}/stage", "--onnxruntime-lib", "{folder}/libonnxruntime-x64.so")]
    [InlineData("no such file", "--dest", "{folder}/stage", "--onnxruntime-lib", "{folder}/absent.so")]
    [InlineData("refusing to wipe it", "--dest", "{folder}/not-a-stage")]
    public void BadUsage_ExitsTwoBeforeBuildingAnything(string expectedMessage, params string[] arguments)
    {
        using var folder = new TempFolder();
        folder.Write("libonnxruntime.txt", "this is not a shared library");
        File.WriteAllBytes(Path.Combine(folder.Path, "libonnxruntime-x64.so"), ElfHeader(machine: 62)); // EM_X86_64
        Directory.CreateDirectory(Path.Combine(folder.Path, "not-a-stage"));
        folder.Write(Path.Combine("not-a-stage", "precious.txt"), "keep me");

        ScriptRun run = ScriptRun.Of(UsageTimeout, arguments.Select(a => a.Replace("{folder}", folder.Path, StringComparison.Ordinal)).ToArray());

        Assert.True(run.ExitCode == 2, $"exit code {run.ExitCode}, want 2:\n{run.Describe()}");
        Assert.Contains(expectedMessage, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("publishing", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "stage")), "a usage error must not create the staging folder");
        Assert.True(File.Exists(Path.Combine(folder.Path, "not-a-stage", "precious.txt")), "a folder the script did not stage must survive");
    }

    [Fact]
    public void Help_ExitsZeroAndNamesEveryOption()
    {
        ScriptRun run = ScriptRun.Of(UsageTimeout, "--help");

        Assert.True(run.ExitCode == 0, run.Describe());
        foreach (string option in new[] { "--dest DIR", "--target USER@HOST", "--onnxruntime-lib PATH", "--build-dir DIR", "Exit codes" })
        {
            Assert.Contains(option, run.Output, StringComparison.Ordinal);
        }
    }

    private static void AssertUnitMatchesTheTreeAndTheConfig(string stage, ServiceOptions options)
    {
        UnitFile unit = UnitFile.Parse(Path.Combine(stage, "etc", "systemd", "system", "octopilot.service"));
        Assert.Equal("notify", unit.Single("Type"));
        Assert.Equal("main", unit.Single("NotifyAccess"));
        Assert.Equal("on-failure", unit.Single("Restart"));
        Assert.Equal("octopilot", unit.Single("User"));

        // ExecStart names the installed binary and the installed config: both exist at those paths in the tree.
        string[] exec = unit.Single("ExecStart").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["/opt/octopilot/octopilot", "run", "--config", "/etc/octopilot/octopilot.json"], exec);
        Assert.True(File.Exists(Path.Combine(stage, exec[0].TrimStart('/'))), $"ExecStart binary {exec[0]} is not in the tree");
        Assert.True(File.Exists(Path.Combine(stage, exec[3].TrimStart('/'))), $"ExecStart config {exec[3]} is not in the tree");

        // The watchdog pings at half of WatchdogSec and needs minTicksPerPing ticks per ping: reachable at 100 Hz.
        double watchdogS = Seconds(unit.Single("WatchdogSec"));
        Assert.InRange(watchdogS, 0.5, 10);
        double ticksPerPing = PlannerRateHz * watchdogS / 2;
        Assert.True(options.Watchdog.MinTicksPerPing <= ticksPerPing,
            $"watchdog:minTicksPerPing = {options.Watchdog.MinTicksPerPing} but a ping every {watchdogS / 2} s sees only {ticksPerPing} ticks");

        // systemd must wait longer than the service's own bounds before it kills.
        Assert.True(Seconds(unit.Single("TimeoutStopSec")) > options.ShutdownTimeoutS, "TimeoutStopSec must exceed shutdownTimeoutS");
        Assert.True(Seconds(unit.Single("TimeoutStartSec")) > options.StartupTimeoutS, "TimeoutStartSec must exceed startupTimeoutS");

        // The one writable path the unit grants is where the config records drives.
        Assert.Equal("strict", unit.Single("ProtectSystem"));
        Assert.Equal("/var/lib/" + unit.Single("StateDirectory"), options.DriveLog?.Folder);
        Assert.Empty(unit.All("ReadWritePaths"));
    }

    private static void AssertUnitCheckedWhereSystemdAnalyzeExists(ScriptRun run)
    {
        bool haveSystemdAnalyze = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, "systemd-analyze")));
        Assert.Contains(haveSystemdAnalyze ? "systemd-analyze verify: ok" : "unit verification skipped", run.Error, StringComparison.Ordinal);
    }

    private static void AssertAarch64Elf(string path)
    {
        byte[] header = new byte[20];
        using (FileStream file = File.OpenRead(path))
        {
            file.ReadExactly(header);
        }

        Assert.True(header.AsSpan(0, 4).SequenceEqual("\u007fELF"u8), $"{path}: no ELF magic");
        Assert.True(header[4] == 2, $"{path}: EI_CLASS {header[4]}, want 2 (64-bit)");
        Assert.True(header[5] == 1, $"{path}: EI_DATA {header[5]}, want 1 (little-endian)");
        ushort machine = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(18, 2));
        Assert.True(machine == ElfMachineAarch64, $"{path}: e_machine {machine}, want {ElfMachineAarch64} (EM_AARCH64)");
    }

    private static void AssertModelMatchesItsChecksum(string modelFolder)
    {
        string expected = File.ReadAllText(Path.Combine(modelFolder, "model.onnx.sha256")).Split(' ', 2)[0].Trim();
        using FileStream model = File.OpenRead(Path.Combine(modelFolder, "model.onnx"));
        Assert.Equal(expected, Convert.ToHexStringLower(SHA256.HashData(model)));
    }

    /// <summary>A 64-byte little-endian ELF64 header for <paramref name="machine"/>: enough for the script's check.</summary>
    private static byte[] ElfHeader(ushort machine)
    {
        byte[] header = new byte[64];
        "\u007fELF"u8.CopyTo(header);
        header[4] = 2; // ELFCLASS64
        header[5] = 1; // ELFDATA2LSB
        header[6] = 1; // EV_CURRENT
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(16), 3); // ET_DYN
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(18), machine);
        return header;
    }

    private static string[] RelativeFiles(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>A systemd time span as the unit uses them: "2s", "120s", "1min", "500ms".</summary>
    private static double Seconds(string span)
    {
        (string suffix, double scale)[] units = [("ms", 0.001), ("min", 60), ("s", 1)];
        foreach ((string suffix, double scale) in units)
        {
            if (span.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(span[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                return value * scale;
            }
        }

        throw new FormatException($"time span '{span}': this test reads only <number>ms, <number>s or <number>min");
    }

    /// <summary>One run of the script from the repository root, with its exit code and output.</summary>
    private sealed record ScriptRun(int ExitCode, string Output, string Error)
    {
        public static ScriptRun Of(TimeSpan timeout, params string[] arguments)
        {
            var start = new ProcessStartInfo("bash")
            {
                WorkingDirectory = RepositoryPaths.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "deploy-arm64.sh"));
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // The test host inherits `dotnet test`'s MSBuild variables; a nested publish must not see them.
            foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToArray())
            {
                start.Environment.Remove(name);
            }

            using var process = Process.Start(start)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
                Assert.Fail($"deploy-arm64.sh {string.Join(' ', arguments)} did not finish within {timeout.TotalMinutes} min");
            }

            Assert.True(Task.WaitAll([output, error], TimeSpan.FromSeconds(30)), "the script exited but its output stayed open (a lingering build server?)");
            return new ScriptRun(process.ExitCode, output.Result, error.Result);
        }

        public string Describe() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    /// <summary>The [Service]/[Unit] assignments of a unit file, comments and blank lines dropped.</summary>
    private sealed class UnitFile
    {
        private readonly List<(string Key, string Value)> _assignments = [];

        public static UnitFile Parse(string path)
        {
            var unit = new UnitFile();
            foreach (string raw in File.ReadLines(path))
            {
                string line = raw.Trim();
                if (line.Length == 0 || line[0] is '#' or ';' or '[')
                {
                    continue;
                }

                int equals = line.IndexOf('=', StringComparison.Ordinal);
                Assert.True(equals > 0, $"{path}: not an assignment: '{line}'");
                unit._assignments.Add((line[..equals].Trim(), line[(equals + 1)..].Trim()));
            }

            return unit;
        }

        public string[] All(string key) => _assignments.Where(a => a.Key == key).Select(a => a.Value).ToArray();

        public string Single(string key)
        {
            string[] values = All(key);
            Assert.True(values.Length == 1, $"{key}= appears {values.Length} times in the unit, want once");
            return values[0];
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeployCollection
{
    public const string Name = "Deploy script (publishes linux-arm64; runs alone)";
}

using System.Diagnostics;
using System.Runtime.InteropServices;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Testing;

namespace Octopilot.Host.Tests.Service;

/// <summary>
/// `octopilot run --config FILE` as systemd would run it, with the test owning $NOTIFY_SOCKET: READY=1 after the
/// cameras deliver, WATCHDOG=1 at half of $WATCHDOG_USEC while the tick progresses, no more pings once the tick
/// thread is stalled by fault injection, STOPPING=1 and exit 0 within 5 s on SIGTERM.
/// </summary>
public sealed partial class RunServiceTests
{
    private const int Sigterm = 15;

    [Fact]
    public void Service_NotifiesReady_PingsTheWatchdog_StopsCleanlyOnSigterm()
    {
        using var folder = new TempFolder();
        string config = WriteConfig(folder, stallTickAfterS: null);
        using var notify = new NotifySocket(Path.Combine(folder.Path, "notify.sock"));
        using Process service = Start(config, notify.Path);
        try
        {
            double? ready = notify.WaitFor("READY=1", TimeSpan.FromSeconds(60));
            Assert.True(ready is not null, "no READY=1: " + Describe(notify, service));
            Thread.Sleep(2000);
            int pings = notify.Count("WATCHDOG=1", ready.Value, notify.NowS);
            Assert.True(pings >= 4, $"{pings} watchdog pings in 2 s at a 250 ms interval: " + Describe(notify, service));

            double termAt = notify.NowS;
            Assert.Equal(0, Kill(service.Id, Sigterm));
            Assert.True(service.WaitForExit(5000), "did not exit within 5 s of SIGTERM");
            Assert.Equal(0, service.ExitCode);
            Assert.NotNull(notify.WaitFor("STOPPING=1", TimeSpan.FromSeconds(1), afterS: termAt));
        }
        finally
        {
            KillIfRunning(service);
        }
    }

    [Fact]
    public void Service_WithTheTickThreadStalled_StopsPingingTheWatchdog()
    {
        using var folder = new TempFolder();
        string config = WriteConfig(folder, stallTickAfterS: 1.5);
        using var notify = new NotifySocket(Path.Combine(folder.Path, "notify.sock"));
        using Process service = Start(config, notify.Path);
        try
        {
            double? ready = notify.WaitFor("READY=1", TimeSpan.FromSeconds(60));
            Assert.True(ready is not null, "no READY=1: " + Describe(notify, service));

            // Ticks start about 1 s after the stack is built and stall 1.5 s later; by ready + 4 s the stall is on.
            Thread.Sleep(4000);
            double quietFrom = notify.NowS;
            Thread.Sleep(2000);
            Assert.True(notify.Count("WATCHDOG=1", ready.Value, quietFrom) >= 1, "no ping before the stall: " + Describe(notify, service));
            Assert.Equal(0, notify.Count("WATCHDOG=1", quietFrom, notify.NowS));

            Assert.Equal(0, Kill(service.Id, Sigterm));
            Assert.True(service.WaitForExit(5000), "a stalled tick must not block shutdown");
        }
        finally
        {
            KillIfRunning(service);
        }
    }

    [Fact]
    public void Run_ConfigWithAMissingSettingsFileAndBadValues_ExitsTwoListingEveryProblem()
    {
        using var folder = new TempFolder();
        string config = folder.Write("bad.json", """
            { "settings": "nowhere.json", "perception": "psychic", "vehicle": { "kind": "bus" }, "shutdownTimeoutS": -1 }
            """);

        CliRun run = CliRun.Of("run", "--config", config);

        Assert.Equal(Host.Cli.ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("settings = 'nowhere.json': no such file", run.Error, StringComparison.Ordinal);
        Assert.Contains("perception = 'psychic': must be one of oracle, model", run.Error, StringComparison.Ordinal);
        Assert.Contains("vehicle:kind = 'bus'", run.Error, StringComparison.Ordinal);
        Assert.Contains("shutdownTimeoutS = -1: must be in 0.5..60", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownKey_ExitsTwoNamingIt()
    {
        using var folder = new TempFolder();
        string config = folder.Write("typo.json", $$"""
            { "settings": "{{RepositoryPaths.DefaultSimSettings.Replace("\\", "/", StringComparison.Ordinal)}}", "perceptoin": "oracle" }
            """);

        CliRun run = CliRun.Of("run", "--config", config);

        Assert.Equal(Host.Cli.ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("perceptoin", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SettingsNamingAMissingModel_ExitsTwoWithThePath()
    {
        using var folder = new TempFolder();
        string settings = folder.Write("settings.json", File.ReadAllText(RepositoryPaths.DefaultSimSettings)
            .Replace("rig-default-8cam.json", RepositoryPaths.DefaultRig.Replace("\\", "/", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("scenario-highway.json", RepositoryPaths.DefaultScenario.Replace("\\", "/", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("../../onnx/models/hydranet-tiny-288x384/model.onnx", "/nonexistent/model.onnx", StringComparison.Ordinal));
        string config = folder.Write("service.json", """{ "settings": "settings.json", "perception": "model" }""");

        CliRun run = CliRun.Of("run", "--config", config);

        Assert.Equal(Host.Cli.ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("/nonexistent/model.onnx", run.Error, StringComparison.Ordinal);
    }

    private static string WriteConfig(TempFolder folder, double? stallTickAfterS, string vehicle = "")
    {
        // The default settings without the model: the service test is about systemd, not inference.
        string settingsText = File.ReadAllText(RepositoryPaths.DefaultSimSettings);
        int inference = settingsText.IndexOf(",\n  \"inference\"", StringComparison.Ordinal);
        Assert.True(inference > 0, "sim-default.json layout changed: update this test's trimming");
        settingsText = settingsText[..inference] + "\n}\n";
        settingsText = settingsText
            .Replace("rig-default-8cam.json", RepositoryPaths.DefaultRig.Replace("\\", "/", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("scenario-highway.json", RepositoryPaths.DefaultScenario.Replace("\\", "/", StringComparison.Ordinal), StringComparison.Ordinal);
        folder.Write("settings.json", settingsText);
        string faults = stallTickAfterS is double s
            ? FormattableString.Invariant($", \"faults\": {{ \"enabled\": true, \"stallTickAfterS\": {s} }}")
            : string.Empty;
        return folder.Write("service.json", $$"""{ "settings": "settings.json", "perception": "oracle", "shutdownTimeoutS": 4{{faults}}{{vehicle}} }""");
    }

    private static Process Start(string config, string notifySocket, System.Text.StringBuilder? output = null)
    {
        string binary = Path.Combine(AppContext.BaseDirectory, "octopilot.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { binary, "run", "--config", config },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["NOTIFY_SOCKET"] = notifySocket;
        start.Environment["WATCHDOG_USEC"] = "500000";
        start.Environment.Remove("WATCHDOG_PID");
        var process = Process.Start(start)!;
        void Keep(object? sender, DataReceivedEventArgs e)
        {
            if (output is not null && e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        }

        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string Describe(NotifySocket notify, Process service) =>
        $"exited {service.HasExited}{(service.HasExited ? $" with {service.ExitCode}" : string.Empty)}; messages: " +
        string.Join(" | ", notify.Messages.Select(m => FormattableString.Invariant($"{m.AtS:0.00}s {m.Text.Replace('\n', ' ')}")));

    private static void KillIfRunning(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

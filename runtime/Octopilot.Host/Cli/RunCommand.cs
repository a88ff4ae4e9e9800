using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Octopilot.Core.Configuration;
using Octopilot.Host.Service;
using Octopilot.Host.Sim;
using Octopilot.Inference.Contract;
using Octopilot.Inference.Engine;

namespace Octopilot.Host.Cli;

/// <summary>
/// `octopilot run --config FILE`: the vehicle service on the .NET generic host. Configuration is bound and validated
/// before anything starts (exit 2 naming key, value and rule); then the driving stack starts, READY=1 follows the
/// cameras' first frames, WATCHDOG=1 follows progress, SIGTERM stops it in order within the shutdown timeout (exit 0).
/// A start-up failure after validation (cameras silent, model refused by the device) exits 1: systemd restarts.
/// </summary>
internal static class RunCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var config = new Option<string>("--config") { Description = "Service configuration (JSON): settings file, perception, vehicle, drive log, watchdog", Required = true };
        var command = new Command("run", "Run as the vehicle service (systemd Type=notify, watchdog, SIGTERM shutdown)") { config };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(config)!;
            ServiceOptions options;
            SimSettings settings;
            try
            {
                options = Load(path);
                settings = SimSettingsFile.Load(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, options.Settings!));
                if (options.Perception == "model" && settings.Inference is null)
                {
                    throw new UsageException($"{path}: perception = 'model' but the settings file {options.Settings} names no model (inference.model)");
                }
            }
            catch (Exception e) when (e is UsageException or ConfigException)
            {
                error.WriteLine($"octopilot run: {e.Message}");
                return ExitCodes.ConfigurationError;
            }

            try
            {
                RunHost(path, options, settings, output);
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is InvalidOperationException or InferenceStartupException or ModelContractException or ModelLoadException or IOException)
            {
                error.WriteLine($"octopilot run: {e.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    /// <summary>Binds and validates the configuration file; throws <see cref="UsageException"/> listing every problem.</summary>
    internal static ServiceOptions Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--config {path}: no such file");
        }

        IConfigurationRoot root;
        try
        {
            root = new ConfigurationBuilder()
                .AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: false)
                .AddEnvironmentVariables("OCTOPILOT_RUN_")
                .Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            throw new UsageException($"{path}: not valid JSON: {e.Message}");
        }

        var options = new ServiceOptions();
        try
        {
            root.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            throw new UsageException($"{path}: {e.Message}");
        }

        IReadOnlyList<string> errors = ServiceOptionsValidator.Validate(options, Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (errors.Count > 0)
        {
            throw new UsageException($"{path}: {errors.Count} problem(s):\n  " + string.Join("\n  ", errors));
        }

        return options;
    }

    private static void RunHost(string configPath, ServiceOptions options, SimSettings settings, TextWriter output)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownTimeoutS));
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("JOURNAL_STREAM") is not null)
        {
            builder.Logging.AddSystemdConsole(); // <6>-style priorities journald understands, one line per message
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        }

        string? driveFolder = options.DriveLog?.Folder is string folder
            ? Path.Combine(folder, DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture))
            : null;
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
        builder.Services.AddSingleton<ServiceNotifications>();
        builder.Services.AddSingleton(sp => new DrivingService(
            () => new DrivingStack(settings, options, Path.GetDirectoryName(Path.GetFullPath(configPath))!, driveFolder, output), options, sp.GetRequiredService<ServiceNotifications>(), sp.GetRequiredService<ILogger<DrivingService>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DrivingService>());
        builder.Services.AddHostedService<WatchdogService>();
        using IHost host = builder.Build();
        host.Run();
    }
}

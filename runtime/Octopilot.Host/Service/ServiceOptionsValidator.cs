using System.Globalization;

namespace Octopilot.Host.Service;

/// <summary>
/// Checks a bound <see cref="ServiceOptions"/>: every broken rule becomes one line "key = value: rule", all of them at
/// once (a person fixing a config file wants the whole list, not one error per restart).
/// </summary>
public static class ServiceOptionsValidator
{
    public static IReadOnlyList<string> Validate(ServiceOptions o, string configDirectory)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Settings))
        {
            errors.Add("settings is missing: the pipeline settings file (cameras, rig, model), e.g. \"sim-default.json\"");
        }
        else if (!File.Exists(Path.Combine(configDirectory, o.Settings)))
        {
            errors.Add($"settings = '{o.Settings}': no such file ({Path.GetFullPath(Path.Combine(configDirectory, o.Settings))})");
        }

        OneOf(errors, "perception", o.Perception, "oracle", "model");
        Range(errors, "startupTimeoutS", o.StartupTimeoutS, 1, 600);
        Range(errors, "shutdownTimeoutS", o.ShutdownTimeoutS, 0.5, 60);
        OneOf(errors, "vehicle:kind", o.Vehicle.Kind, "simulated", "can");
        Range(errors, "vehicle:silenceTimeoutS", o.Vehicle.SilenceTimeoutS, 0.02, 5);
        if (o.DriveLog is { } log)
        {
            if (string.IsNullOrWhiteSpace(log.Folder))
            {
                errors.Add("driveLog:folder is missing: where drives are recorded (the unit's ReadWritePaths), or remove driveLog");
            }

            Range(errors, "driveLog:segmentLengthS", log.SegmentLengthS, 1, 3600);
            Range(errors, "driveLog:decimation", log.Decimation, 1, 1000);
            OneOf(errors, "driveLog:fsync", log.Fsync, "interval", "rotation", "none");
        }

        Range(errors, "watchdog:minTicksPerPing", o.Watchdog.MinTicksPerPing, 1, 10_000);
        Range(errors, "watchdog:minSetsPerPing", o.Watchdog.MinSetsPerPing, 0, 10_000);
        if (o.Realtime.TickFifoPriority is int priority)
        {
            Range(errors, "realtime:tickFifoPriority", priority, 1, 99);
        }

        if (o.Realtime.TickCpuCore is int core)
        {
            Range(errors, "realtime:tickCpuCore", core, 0, 1023);
        }

        if (o.Faults.StallTickAfterS is double stall)
        {
            if (!o.Faults.Enabled)
            {
                errors.Add("faults:stallTickAfterS is set but faults:enabled is not true: fault injection is for tests and must be enabled explicitly");
            }

            Range(errors, "faults:stallTickAfterS", stall, 0, 3600);
        }

        if (o.Vehicle.Kind == "can")
        {
            RequireFile(errors, "vehicle:can:dbc", o.Vehicle.Can.Dbc, configDirectory, "the DBC file with the car's signals");
            if (o.Vehicle.Can.CandumpLog is not null)
            {
                RequireFile(errors, "vehicle:can:candumpLog", o.Vehicle.Can.CandumpLog, configDirectory, "a candump log played as the bus");
            }
            else if (string.IsNullOrWhiteSpace(o.Vehicle.Can.Interface) || o.Vehicle.Can.Interface.Length > 15)
            {
                errors.Add($"vehicle:can:interface = '{o.Vehicle.Can.Interface}': must be a network interface name of 1..15 characters, e.g. can0");
            }
        }

        return errors;
    }

    private static void RequireFile(List<string> errors, string key, string? value, string configDirectory, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{key} is missing: {what}");
        }
        else if (!File.Exists(Path.Combine(configDirectory, value)))
        {
            errors.Add($"{key} = '{value}': no such file ({Path.GetFullPath(Path.Combine(configDirectory, value))})");
        }
    }

    private static void OneOf(List<string> errors, string key, string? value, params string[] allowed)
    {
        if (value is null || !allowed.Contains(value, StringComparer.Ordinal))
        {
            errors.Add($"{key} = '{value}': must be one of {string.Join(", ", allowed)}");
        }
    }

    private static void Range(List<string> errors, string key, double value, double min, double max)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{key} = {value}: must be in {min}..{max}"));
        }
    }
}

namespace Octopilot.Host.Cli;

/// <summary>Process exit codes of `octopilot`, one meaning each (systemd and CI scripts read them).</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>It ran but failed, or (with --strict) ran degraded: drops, late frames, errors or steady-state allocation.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage or configuration (command line, rig, scenario, settings, camera mode): nothing was started.</summary>
    public const int ConfigurationError = 2;
}

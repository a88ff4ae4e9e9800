using System.Diagnostics;
using System.Globalization;

namespace Octopilot.KernelTests.Infrastructure;

/// <summary>
/// The machine these tests need: a kernel that can load vcan and vivid, and root to load them and create interfaces.
/// tests/kernel/run-in-guest provides one (it sets <see cref="EnvironmentVariable"/>); anywhere else the tests fail
/// saying so. Fixtures load their own modules (<see cref="LoadModule"/>): the guest itself loads nothing beyond what
/// it needs to boot, so each test states the drivers it depends on.
/// </summary>
internal static class KernelGuest
{
    /// <summary>Set to 1 by tests/kernel/run-in-guest inside the emulated kernel.</summary>
    public const string EnvironmentVariable = "OCTOPILOT_KERNEL_GUEST";

    /// <summary>30 s: modprobe and ip take well under a second even emulated; longer means something hangs.</summary>
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Throws unless running where kernel modules may be loaded (the QEMU guest, or a machine that opts in).</summary>
    public static void Require()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) != "1")
        {
            throw new InvalidOperationException(
                "these tests need a kernel with the vcan/vivid drivers and root to load them: run them with " +
                "tests/kernel/run-kernel-tests (it boots one under QEMU), or set " + EnvironmentVariable + "=1 on a " +
                "Linux machine where this process may load modules and create network interfaces. They have NOT run.");
        }
    }

    /// <summary>modprobe <paramref name="module"/> (a no-op when loaded); modules come from the host's /lib/modules.</summary>
    public static void LoadModule(string module) => Run("modprobe", module);

    /// <summary>Runs a program to completion; throws with its exit code and output when it fails or hangs.</summary>
    public static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        string commandLine = program + " " + string.Join(' ', arguments);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start '{commandLine}'");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{commandLine}' did not finish within {CommandTimeout.TotalSeconds} s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"'{commandLine}' failed with exit code {process.ExitCode}: {error.Result.Trim()} {output.Result.Trim()}"));
        }

        return output.Result;
    }
}

using System.Globalization;

namespace Octopilot.KernelTests.Infrastructure;

/// <summary>
/// The kernel's virtual V4L2 driver, vivid, freshly loaded for one test with two instances that each have only a
/// video capture node (<c>n_devs=2 node_types=0x1,0x1</c>): two webcams (vivid's input 0 is a webcam with discrete
/// sizes 320x180 … 3840x2160 and rates), every control at its default. Reloading per test means a control one test
/// set (dropped buffers, a disconnect) can never leak into the next. Dispose unloads it.
/// </summary>
internal sealed class VividDevices : IDisposable
{
    private const string SysClass = "/sys/class/video4linux";

    private bool _disposed;

    public VividDevices()
    {
        KernelGuest.Require();
        Unload();
        KernelGuest.Run("modprobe", "vivid", "n_devs=2", "node_types=0x1,0x1");
        Eventually.True(() => TryFind(0) is not null && TryFind(1) is not null, "vivid's two capture nodes under /dev");
    }

    /// <summary>The capture node of vivid instance <paramref name="instance"/> (0 or 1), e.g. /dev/video0.</summary>
    public string CapturePath(int instance)
    {
        ObjectDisposedException.ThrowIf(_disposed, this); // the nodes go with the module
        return TryFind(instance) ?? throw new InvalidOperationException($"vivid instance {instance} has no capture node");
    }

    /// <summary>Sets a control the way an operator would, with v4l2-ctl (e.g. percentage_of_dropped_buffers=50).</summary>
    public static void SetControl(string devicePath, string control, int value) =>
        KernelGuest.Run("v4l2-ctl", "-d", devicePath, "--set-ctrl", string.Create(CultureInfo.InvariantCulture, $"{control}={value}"));

    /// <summary>Unloads and loads vivid again: after a disconnect, this is how the node comes back (like a replug).</summary>
    public void Reload()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Unload();
        KernelGuest.Run("modprobe", "vivid", "n_devs=2", "node_types=0x1,0x1");
        Eventually.True(() => TryFind(0) is not null && TryFind(1) is not null, "vivid's capture nodes back under /dev after reloading");
    }

    public void Dispose()
    {
        _disposed = true;
        Unload();
    }

    private static void Unload()
    {
        if (Directory.Exists("/sys/module/vivid"))
        {
            // rmmod fails while a node is open. A test that failed half-way may have left a camera to its finalizer:
            // run the finalizers, then retry briefly.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Eventually.True(() => TryRun("rmmod", "vivid"), "rmmod vivid (a node still open?)");
        }
    }

    private static bool TryRun(string program, params string[] arguments)
    {
        try
        {
            KernelGuest.Run(program, arguments);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>vivid names its capture node "vivid-00N-vid-cap" in sysfs.</summary>
    private static string? TryFind(int instance)
    {
        if (!Directory.Exists(SysClass))
        {
            return null;
        }

        string wanted = string.Create(CultureInfo.InvariantCulture, $"vivid-{instance:000}-vid-cap");
        foreach (string node in Directory.EnumerateDirectories(SysClass, "video*"))
        {
            string nameFile = Path.Combine(node, "name");
            if (File.Exists(nameFile) && File.ReadAllText(nameFile).Trim() == wanted)
            {
                string dev = Path.Combine("/dev", Path.GetFileName(node));
                return File.Exists(dev) ? dev : null; // File.Exists is true for a character device
            }
        }

        return null;
    }
}

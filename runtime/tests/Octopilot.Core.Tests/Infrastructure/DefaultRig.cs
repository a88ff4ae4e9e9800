using Octopilot.Core.Calibration;

namespace Octopilot.Core.Tests.Infrastructure;

/// <summary>The rig file the product ships (runtime/config), copied next to the test assembly by the csproj.</summary>
internal static class DefaultRig
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "config", "rig-default-8cam.json");

    public static CameraRig Load() => RigFile.Load(Path);
}

using Octopilot.Cameras;
using Octopilot.Cameras.Synthetic;
using Octopilot.Cameras.V4l2;
using Octopilot.Cameras.V4l2.Rig;
using Octopilot.Cameras.VideoFile;
using Octopilot.Core.Calibration;
using Octopilot.Core.Configuration;
using Octopilot.Core.Time;
using Octopilot.Host.Sim;

namespace Octopilot.Host.Cameras;

/// <summary>
/// The camera sources of a run, one per rig camera, in rig order: a V4L2 device where the rig file's <c>devices</c>
/// section names one (timed by its driver), a paced video file where the settings' <c>videoFiles</c> name one (its
/// frames on the synthetic cameras' start-of-frame grid), the synthetic renderer otherwise. Used by `sim`, `bench`
/// and the service, so a rig mixes the three the same way everywhere.
/// </summary>
internal static class RigCameraSources
{
    /// <summary>The run's cameras (the settings' selection of the rig) and the V4L2 devices the rig file maps, the
    /// device names checked against the whole rig (a device may name a camera the settings leave out).</summary>
    public static (CameraRig Rig, IReadOnlyDictionary<string, V4l2CameraOptions> Devices) LoadRig(SimSettings settings)
    {
        CameraRig fullRig = RigFile.Load(settings.RigFile);
        return (SimRunner.SelectCameras(settings, fullRig), DevicesOf(settings.RigFile, fullRig));
    }

    /// <summary>The devices section of <paramref name="rigFile"/> (empty when it has none).</summary>
    public static IReadOnlyDictionary<string, V4l2CameraOptions> DevicesOf(string rigFile, CameraRig? loadedRig = null) =>
        V4l2RigDevices.Load(rigFile, (loadedRig ?? RigFile.Load(rigFile)).Cameras.Select(c => c.Name).ToArray());

    public static ICameraSource[] Build(
        SimSettings settings,
        CameraRig rig,
        IReadOnlyDictionary<string, V4l2CameraOptions> devices,
        SyntheticCamera[] synthetic,
        IClock clock,
        long startNs,
        long phaseStepNs)
    {
        foreach (string name in settings.VideoFiles.Keys)
        {
            if (rig.IndexOf(name) < 0)
            {
                throw new ConfigException(
                    $"{settings.SettingsFile}: videoFiles.{name}: must name a camera of the rig ({string.Join(", ", rig.Cameras.Select(c => c.Name))})");
            }

            if (devices.ContainsKey(name))
            {
                throw new ConfigException(
                    $"{settings.SettingsFile}: videoFiles.{name}: camera {name} is already a V4L2 device in the rig file {settings.RigFile} (devices.{name}): one source per camera");
            }
        }

        var sources = new ICameraSource[synthetic.Length];
        for (int i = 0; i < synthetic.Length; i++)
        {
            string name = rig[i].Name;
            sources[i] = settings.VideoFiles.TryGetValue(name, out string? file)
                ? new VideoFileCamera(name, file, clock, paced: true, firstStartOfFrameNs: startNs + (i * phaseStepNs))
                : devices.TryGetValue(name, out V4l2CameraOptions? device) ? new V4l2Camera(name, device, clock)
                : synthetic[i];
        }

        return sources;
    }
}

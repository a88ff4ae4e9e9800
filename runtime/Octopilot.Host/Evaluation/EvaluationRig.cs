using Octopilot.Core.Calibration;
using Octopilot.Host.Dataset;

namespace Octopilot.Host.Evaluation;

/// <summary>
/// The rig a dataset was rendered with: the manifest's <c>rig</c> file name looked up in runtime/config next to the
/// binary (where the build ships it), then in runtime/config under the working folder (a repository checkout), reduced
/// to the manifest's cameras in the manifest's order and scaled to its mode, as the sim and <c>perceive</c> scale it.
/// </summary>
internal static class EvaluationRig
{
    public static CameraRig Load(DatasetManifest manifest)
    {
        if (manifest.RigFileName is not string name || name.Length == 0 || name != Path.GetFileName(name))
        {
            throw new DatasetFormatException(manifest.ManifestPath, $"rig must name a rig file in runtime/config (e.g. \"rig-default-8cam.json\"), got {(manifest.RigFileName is null ? "none" : "\"" + manifest.RigFileName + "\"")}");
        }

        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "runtime", "config", name),
            Path.Combine(Directory.GetCurrentDirectory(), "runtime", "config", name),
        ];
        string path = candidates.FirstOrDefault(File.Exists)
            ?? throw new DatasetFormatException(manifest.ManifestPath, $"rig \"{name}\" is in neither {Path.GetDirectoryName(candidates[0])} nor {Path.GetDirectoryName(candidates[1])}");
        CameraRig rig = RigFile.Load(path);
        var cameras = new List<CameraCalibration>(manifest.Cameras.Count);
        foreach (string camera in manifest.Cameras)
        {
            int index = rig.IndexOf(camera);
            if (index < 0)
            {
                throw new DatasetFormatException(manifest.ManifestPath, $"camera \"{camera}\" is not in rig {path} (its cameras: {string.Join(", ", rig.Cameras.Select(c => c.Name))})");
            }

            cameras.Add(rig[index]);
        }

        return new CameraRig(rig.Name, cameras).ScaledTo(manifest.WidthPx, manifest.HeightPx);
    }
}

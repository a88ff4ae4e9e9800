using Octopilot.Core.Calibration;
using Octopilot.Core.Calibration.Importers;
using Octopilot.Host.Cli;

namespace Octopilot.Host.Perceive;

/// <summary>
/// The rig of a <c>perceive</c> run: an Octopilot rig file, or a nuScenes <c>sample_info.json</c> (recognised by its
/// <c>cam2img</c> keys), reduced to the images' cameras in the images' order and scaled to the image size.
/// </summary>
internal static class PerceiveRig
{
    public static CameraRig Load(string path, IReadOnlyList<StillImage> images)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--rig: no such file: {Path.GetFullPath(path)}");
        }

        CameraRig rig = File.ReadAllText(path).Contains("\"cam2img\"", StringComparison.Ordinal)
            ? NuScenesRigImporter.Load(path)
            : RigFile.Load(path);
        var cameras = new List<CameraCalibration>(images.Count);
        foreach (StillImage image in images)
        {
            int index = rig.IndexOf(image.CameraName);
            if (index < 0)
            {
                throw new UsageException(
                    $"perceive: image camera \"{image.CameraName}\" is not in rig {path} (its cameras: {string.Join(", ", rig.Cameras.Select(c => c.Name))}); name each image CAM_NAME=path");
            }

            cameras.Add(rig[index]);
        }

        return new CameraRig(rig.Name, cameras).ScaledTo(images[0].WidthPx, images[0].HeightPx);
    }

    /// <summary>Per camera fy in image pixels (for the class-size range prior).</summary>
    public static double[] FocalYPx(CameraRig rig) => rig.Cameras.Select(c => c.Intrinsics.FyPx).ToArray();
}

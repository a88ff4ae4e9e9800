using Octopilot.Testing;
using Octopilot.Core.Calibration;
using Octopilot.Core.Calibration.Importers;

namespace Octopilot.Core.Tests.Infrastructure;

/// <summary>One frame of shared/data/kitti-object-samples: its imported rig (image size from the PNG) and its labels.</summary>
internal static class KittiFrame
{
    public const string DataSet = "kitti-object-samples";

    public static (CameraRig Rig, IReadOnlyList<KittiLabel> Labels) Load(string frame)
    {
        (int width, int height) = PngSize.Read(SharedData.File(DataSet, $"image_2/{frame}.png"));
        CameraRig rig = KittiObjectCalibImporter.Load(SharedData.File(DataSet, $"calib/{frame}.txt"), width, height);
        return (rig, KittiLabel.Load(SharedData.File(DataSet, $"label_2/{frame}.txt")));
    }
}

namespace Octopilot.Core.Calibration;

/// <summary>
/// The calibrated camera rig: an ordered list of cameras. The order is the batch order: camera i of the rig
/// writes slot i of every frame slab and is row i of every model output.
/// </summary>
public sealed class CameraRig
{
    public CameraRig(string name, IReadOnlyList<CameraCalibration> cameras)
    {
        Name = name;
        Cameras = cameras;
    }

    public string Name { get; }

    public IReadOnlyList<CameraCalibration> Cameras { get; }

    public int Count => Cameras.Count;

    public CameraCalibration this[int index] => Cameras[index];

    /// <summary>Index of the camera with that name, or −1.</summary>
    public int IndexOf(string cameraName)
    {
        for (int i = 0; i < Cameras.Count; i++)
        {
            if (Cameras[i].Name == cameraName)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The whole rig at another resolution of the same aspect ratio.</summary>
    public CameraRig ScaledTo(int widthPx, int heightPx) =>
        new(Name, Cameras.Select(c => c.ScaledTo(widthPx, heightPx)).ToArray());
}

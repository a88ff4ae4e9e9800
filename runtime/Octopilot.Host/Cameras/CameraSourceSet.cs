using Octopilot.Cameras;

namespace Octopilot.Host.Cameras;

/// <summary>The camera sources of one run, owned by it: Dispose (after the pipeline that read them has stopped) closes
/// every device, stops every ffmpeg child and releases every driver buffer. A forgotten Dispose keeps V4L2 nodes open
/// (EBUSY for the next user) until the finalizers run.</summary>
internal sealed class CameraSourceSet(ICameraSource[] sources) : IDisposable
{
    public ICameraSource[] Sources => sources;

    public void Dispose()
    {
        foreach (ICameraSource source in sources)
        {
            source.Dispose();
        }
    }
}

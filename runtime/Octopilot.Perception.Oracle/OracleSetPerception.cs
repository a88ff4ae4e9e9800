using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Calibration;
using Octopilot.Inference.Perception;

namespace Octopilot.Perception.Oracle;

/// <summary>
/// Oracle perception of whole frame sets of a synthetic world: for every camera present in a set, its ground-truth
/// labels rendered at that camera's own start of frame (so the skew between cameras is in the labels too), decoded
/// into one <see cref="PerceptionFrameSet"/>. Used by the live sim and by replay of a simulated drive, which must
/// produce the same results from the same start-of-frame times. Allocates only in the constructor; one thread.
/// </summary>
public sealed class OracleSetPerception
{
    private readonly HighwayRenderer[] _renderers;
    private readonly LabelBuffer[] _labels;
    private readonly byte[] _rgbScratch;
    private readonly OracleDecoder _decoder;
    private readonly PerceptionFrameSet _results;
    private readonly long _simStartNs;

    /// <param name="scaledRig">The rig scaled to the capture size.</param>
    /// <param name="world">The synthetic world the cameras render.</param>
    /// <param name="stride">Map stride of the model contract the results imitate.</param>
    /// <param name="classNames">Class names of that contract.</param>
    /// <param name="maxDetections">Detection rows per camera.</param>
    /// <param name="simStartNs">Monotonic time of simulated time zero (the cameras' start).</param>
    public OracleSetPerception(CameraRig scaledRig, HighwayWorld world, int stride, IReadOnlyList<string> classNames, int maxDetections, long simStartNs)
    {
        _renderers = scaledRig.Cameras.Select(c => new HighwayRenderer(c, world)).ToArray();
        _labels = _renderers.Select(r => r.CreateLabelBuffer()).ToArray();
        int width = _renderers[0].WidthPx, height = _renderers[0].HeightPx;
        _rgbScratch = new byte[width * height * 3];
        _decoder = new OracleDecoder(scaledRig, width, height, stride, classNames, maxDetections);
        _results = _decoder.CreateResults();
        _simStartNs = simStartNs;
    }

    public int CameraCount => _renderers.Length;

    /// <summary>
    /// Perceives one set: cameras whose bit is clear in <paramref name="presentMask"/> stay missing in the results.
    /// <paramref name="startOfFrameNs"/> gives each camera's start of frame (monotonic). Results valid until the next call.
    /// </summary>
    public PerceptionFrameSet Perceive(long setSequence, uint presentMask, ReadOnlySpan<long> startOfFrameNs)
    {
        _decoder.BeginSet(_results, setSequence);
        for (int c = 0; c < _renderers.Length; c++)
        {
            if ((presentMask & (1u << c)) == 0)
            {
                continue;
            }

            _renderers[c].Render(startOfFrameNs[c] - _simStartNs, _rgbScratch, _labels[c]);
            _decoder.Decode(_results, c, _labels[c], startOfFrameNs[c]);
        }

        return _results;
    }
}

using Octopilot.Core.Calibration;
using Octopilot.Fusion.Bev;

namespace Octopilot.WorldModel;

/// <summary>
/// Builds a <see cref="WorldModelBuilder"/> for a rig at a capture size: the rig scaled to the capture, the BEV lookup
/// table of the options' grid for the perception maps (capture / stride), the given options (default: the product's;
/// a model perception passes its range noise, <see cref="WorldModelOptions.ForRangeNoise"/>). The live sim and replay
/// use this one recipe, so a replay builds the very same world model as the drive it replays.
/// </summary>
public static class WorldModelBuilderFactory
{
    public static WorldModelBuilder ForCapture(CameraRig rig, int widthPx, int heightPx, int stride, IReadOnlyList<string> classNames, WorldModelOptions? options = null)
    {
        options ??= new WorldModelOptions();
        CameraRig scaled = rig.ScaledTo(widthPx, heightPx);
        BevLookupTable table = BevLookupTable.Build(scaled, options.Grid, widthPx / stride, heightPx / stride, stride);
        return new WorldModelBuilder(scaled, table, classNames, options);
    }
}

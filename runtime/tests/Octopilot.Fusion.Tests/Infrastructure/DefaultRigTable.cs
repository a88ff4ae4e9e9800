using Octopilot.Core.Calibration;
using Octopilot.Fusion.Bev;
using Octopilot.Testing;

namespace Octopilot.Fusion.Tests.Infrastructure;

/// <summary>
/// The shipped default rig at the sim's capture mode (384x288, stride 4: 96x72 maps) and its table over the default grid,
/// built once for all tests (the table is immutable).
/// </summary>
internal static class DefaultRigTable
{
    public const int CaptureWidthPx = 384;
    public const int CaptureHeightPx = 288;
    public const int StridePx = 4;
    public const int MapWidth = CaptureWidthPx / StridePx;
    public const int MapHeight = CaptureHeightPx / StridePx;

    private static readonly Lazy<CameraRig> LazyRig = new(() => RigFile.Load(RepositoryPaths.DefaultRig).ScaledTo(CaptureWidthPx, CaptureHeightPx));
    private static readonly Lazy<BevLookupTable> LazyTable = new(() => BevLookupTable.Build(Rig, new BevGridOptions(), MapWidth, MapHeight, StridePx));

    public static CameraRig Rig => LazyRig.Value;

    public static BevLookupTable Table => LazyTable.Value;
}

namespace Octopilot.Inference.Tests.Infrastructure;

/// <summary>
/// The tiny contract models in Models/ (copied next to the test binaries), made by
/// onnx/fixtures/make_contract_fixtures.py: input 32x48, stride 4 (maps 8x12), K 4, classes vehicle,pedestrian,cyclist.
/// </summary>
internal static class ModelFixtures
{
    public const int HeightPx = 32;
    public const int WidthPx = 48;
    public const int Stride = 4;
    public const int MaxObjects = 4;

    /// <summary>images[n,0,0,0] (red channel of the top-left pixel) that makes image n's whole depth map +Inf in nan-depth.onnx.</summary>
    public const byte DepthInfTrigger = 250;

    /// <summary>images[n,0,0,0] that makes image n's whole depth map NaN in nan-depth.onnx.</summary>
    public const byte DepthNanTrigger = 251;

    public static readonly string[] Classes = ["vehicle", "pedestrian", "cyclist"];

    public static string Path(string fileName)
    {
        string path = System.IO.Path.Combine(AppContext.BaseDirectory, "Models", fileName);
        Assert.True(File.Exists(path), $"fixture {path} missing: run /usr/bin/python3 onnx/fixtures/make_contract_fixtures.py and rebuild");
        return path;
    }
}

using BenchmarkDotNet.Attributes;
using Octopilot.Inference.Manifest;
using Octopilot.Inference.Preprocessing;

namespace Octopilot.Benchmarks.Inference;

/// <summary>
/// The manifest path's one copy: one 1600x900 RGB camera frame (nuScenes' size) into a model input, fused resize +
/// channel order + scaling + layout (<see cref="FramePreprocessor"/>). Cases: a YOLO-style 640x384 float32 NCHW /255
/// letterbox; an ImageNet mean/std BGR float32 NCHW 640x384 stretch; the same in float16; the contract HydraNet's
/// 384x288 uint8 NHWC stretch. Frame bytes are random. Must allocate 0 B.
/// </summary>
[MemoryDiagnoser]
public class FramePreprocessBenchmarks
{
    private const int FrameW = 1600, FrameH = 900;

    private byte[] _frame = [];
    private FramePreprocessor _preprocessor = null!;
    private float[] _floats = [];
    private Half[] _halves = [];
    private byte[] _bytes = [];

    [Params("yolo-640x384-f32-nchw-letterbox", "imagenet-640x384-f32-nchw-bgr-stretch", "imagenet-640x384-f16-nchw-bgr-stretch", "contract-384x288-u8-nhwc-stretch")]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _frame = new byte[FrameW * FrameH * 3];
        new Random(9).NextBytes(_frame);
        InputScaling imageNet = InputScaling.MeanStd([0.406, 0.456, 0.485], [0.225, 0.224, 0.229]);
        (ManifestInput input, int w, int h) = Case switch
        {
            "yolo-640x384-f32-nchw-letterbox" => (Input(TensorLayout.Nchw, InputElementType.Float32, ColourOrder.Rgb, InputScaling.DivideBy255, SpatialFit.Letterbox), 640, 384),
            "imagenet-640x384-f32-nchw-bgr-stretch" => (Input(TensorLayout.Nchw, InputElementType.Float32, ColourOrder.Bgr, imageNet, SpatialFit.Stretch), 640, 384),
            "imagenet-640x384-f16-nchw-bgr-stretch" => (Input(TensorLayout.Nchw, InputElementType.Float16, ColourOrder.Bgr, imageNet, SpatialFit.Stretch), 640, 384),
            _ => (Input(TensorLayout.Nhwc, InputElementType.Uint8, ColourOrder.Rgb, InputScaling.Identity, SpatialFit.Stretch), 384, 288),
        };
        _preprocessor = new FramePreprocessor(input, FrameW, FrameH, w, h, 1);
        _floats = new float[_preprocessor.TensorElements];
        _halves = new Half[_preprocessor.TensorElements];
        _bytes = new byte[_preprocessor.TensorElements];
    }

    [Benchmark]
    public void Preprocess()
    {
        switch (_preprocessor.ElementType)
        {
            case InputElementType.Float32:
                _preprocessor.Write(_frame, _floats, 0);
                break;
            case InputElementType.Float16:
                _preprocessor.Write(_frame, _halves, 0);
                break;
            default:
                _preprocessor.Write(_frame, _bytes, 0);
                break;
        }
    }

    private static ManifestInput Input(TensorLayout layout, InputElementType type, ColourOrder order, InputScaling scaling, SpatialFit fit) =>
        new("images", layout, type, order, scaling, fit, ManifestInput.DefaultFillValue, null, null);
}

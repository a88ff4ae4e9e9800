using Microsoft.ML.OnnxRuntime.Tensors;
using Octopilot.Core.Configuration;
using Octopilot.Inference.Contract;
using Octopilot.Inference.Manifest;

namespace Octopilot.Inference.Tests.Manifest;

public class ModelManifestValidatorTests
{
    private const int Sym = TensorSignature.SymbolicDim;

    /// <summary>YOLO rows for 3 anchors at strides 8/16/32 on 640x384: 3·(80·48 + 40·24 + 20·12).</summary>
    private const int YoloRows = 3 * ((80 * 48) + (40 * 24) + (20 * 12));

    [Fact]
    public void Validate_MatchingModel_ResolvesSizeBatchAndShapes()
    {
        ManifestBinding b = ModelManifestValidator.Validate(ModelManifestFile.Parse("m.json", ManifestJson.Full), FullModel(), cameraCount: 6);

        Assert.Equal((640, 384, 1), (b.InputWidthPx, b.InputHeightPx, b.ImagesPerRun));
        Assert.Equal([1, YoloRows, 8], b.OutputShapes["pred"]);
        Assert.Equal([1, 2, 384, 640], b.OutputShapes["seg"]);
        Assert.Equal(3 * 640 * 384, b.InputElementsPerImage);
    }

    [Fact]
    public void Validate_DynamicBatchAndSize_TakesRigCountAndManifestSize()
    {
        string json = ManifestJson.Full.Replace("\"fit\": \"letterbox\",", "\"fit\": \"letterbox\", \"widthPx\": 640, \"heightPx\": 384,");
        ModelSignature model = FullModel(input: [Sym, 3, Sym, Sym], batch: Sym);

        ManifestBinding b = ModelManifestValidator.Validate(ModelManifestFile.Parse("m.json", json), model, cameraCount: 6);

        Assert.Equal((640, 384, 6), (b.InputWidthPx, b.InputHeightPx, b.ImagesPerRun));
        Assert.Equal(6, b.OutputShapes["depth"][0]);
    }

    [Fact]
    public void Validate_DynamicSizeWithoutManifestSize_IsRefused()
    {
        ConfigException e = Refused(FullModel(input: [1, 3, Sym, Sym]));

        Assert.Contains("$.input.widthPx: is required: the model's input size is dynamic ([1, 3, ?, ?])", e.Message);
    }

    [Fact]
    public void Validate_UnknownInputName_ListsTheModelsInputs()
    {
        ConfigException e = Refused(FullModel(inputName: "pixel_values"));

        Assert.Contains("$.input.name: must be one of the model's inputs (pixel_values) (got \"images\")", e.Message);
    }

    [Fact]
    public void Validate_WrongLayoutAndType_AreBothListed()
    {
        ConfigException e = Refused(FullModel(input: [1, 384, 640, 3], inputType: TensorElementType.UInt8));

        Assert.Contains("$.input.dtype: must match the model's input element type UInt8 (got Float32)", e.Message);
        Assert.Contains("$.input.layout: Nchw puts the channel where the model has 384", e.Message);
        Assert.Contains("problems", e.Message);
    }

    [Fact]
    public void Validate_AnchorCountThatDoesNotGiveTheRows_IsRefused()
    {
        ConfigException e = Refused(FullModel(yoloRows: YoloRows - 1));

        Assert.Contains($"$.heads[2].anchors: strides [8, 16, 32] with [3, 3, 3] anchors on 640x384 give {YoloRows} rows, the output \"pred\" has {YoloRows - 1}", e.Message);
    }

    [Fact]
    public void Validate_StrideThatDoesNotDivideTheInput_IsRefused()
    {
        string json = ManifestJson.Full.Replace("\"strides\": [8, 16, 32]", "\"strides\": [8, 16, 28]");

        ConfigException e = Assert.Throws<ConfigException>(() => ModelManifestValidator.Validate(ModelManifestFile.Parse("m.json", json), FullModel(), 6));

        Assert.Contains("$.heads[2].strides: stride 28 must divide the input size 640x384", e.Message);
    }

    [Fact]
    public void Validate_ClassCountThatDoesNotGiveTheColumns_IsRefused()
    {
        ConfigException e = Refused(FullModel(yoloColumns: 9));

        Assert.Contains("$.classes: 3 classes need 5 + 3 = 8 columns", e.Message);
    }

    [Fact]
    public void Validate_MissingOutputAndChannelOutOfRange_AreListed()
    {
        ConfigException e = Refused(FullModel(segChannels: 1, withDepth: false));

        Assert.Contains("$.heads[0].channel: must be below the output's 1 channels", e.Message);
        Assert.Contains("$.heads[3].output: must be one of the model's outputs", e.Message);
    }

    [Fact]
    public void Validate_FixedBatchOfAnotherCount_IsRefused()
    {
        ConfigException e = Refused(FullModel(input: [4, 3, 384, 640], batch: 4));

        Assert.Contains("the model's batch is fixed at 4; it must be 1 (run per camera), 6 (the rig's cameras) or dynamic", e.Message);
    }

    [Fact]
    public void Validate_DynamicBoxCount_IsRefusedWithTheFix()
    {
        ModelSignature model = new(
            [new TensorSignature("x", TensorElementType.UInt8, [1, 300, 400, 3])],
            [new TensorSignature("boxes", TensorElementType.Float, [1, Sym, 4]), new TensorSignature("scores", TensorElementType.Float, [1, Sym]),
             new TensorSignature("labels", TensorElementType.Int64, [1, Sym])],
            new Dictionary<string, string>());

        ConfigException e = Assert.Throws<ConfigException>(() => ModelManifestValidator.Validate(ModelManifestFile.Parse("m.json", ManifestJson.BoxList), model, 6));

        Assert.Contains("$.heads[0].boxes: \"boxes\" dim 1 is dynamic ([1, ?, 4]): export it with a fixed size", e.Message);
    }

    private static ConfigException Refused(ModelSignature model) =>
        Assert.Throws<ConfigException>(() => ModelManifestValidator.Validate(ModelManifestFile.Parse("m.json", ManifestJson.Full), model, cameraCount: 6));

    private static ModelSignature FullModel(
        string inputName = "images", int[]? input = null, int batch = 1, TensorElementType inputType = TensorElementType.Float,
        int yoloRows = YoloRows, int yoloColumns = 8, int segChannels = 2, bool withDepth = true)
    {
        var outputs = new List<TensorSignature>
        {
            new("seg", TensorElementType.Float, [batch, segChannels, 384, 640]),
            new("lanes", TensorElementType.Float, [batch, 1, 192, 320]),
            new("pred", TensorElementType.Float, [batch, yoloRows, yoloColumns]),
        };
        if (withDepth)
        {
            outputs.Add(new TensorSignature("depth", TensorElementType.Float, [batch, 1, 96, 160]));
        }

        return new ModelSignature([new TensorSignature(inputName, inputType, input ?? [1, 3, 384, 640])], outputs, new Dictionary<string, string>());
    }
}

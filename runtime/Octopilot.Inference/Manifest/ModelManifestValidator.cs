using System.Globalization;
using Microsoft.ML.OnnxRuntime.Tensors;
using Octopilot.Core.Configuration;
using Octopilot.Inference.Contract;

namespace Octopilot.Inference.Manifest;

/// <summary>
/// Checks a manifest against the model it describes (the model's declared inputs and outputs): the input exists, is a
/// rank-4 image of 3 channels in the stated layout and element type, with a size from the model or the manifest; every
/// output a head names exists with a rank and fixed dims the head can read (YOLO rows = Σ cells·anchors, columns =
/// 5 + classes; box list [N,K,4] with scores [N,K]; class maps with the channel in range). Every broken rule is listed at
/// once in one <see cref="ConfigException"/> naming the manifest field, the rule and the model's actual value (exit 2).
/// </summary>
public static class ModelManifestValidator
{
    public static ManifestBinding Validate(ModelManifest manifest, ModelSignature model, int cameraCount)
    {
        var errors = new List<string>();
        (int width, int height, int imagesPerRun) = CheckInput(manifest, model, cameraCount, errors);
        var shapes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (int i = 0; i < manifest.Heads.Count; i++)
        {
            var head = new HeadCheck(manifest, model, $"$.heads[{i}]", imagesPerRun, shapes, errors);
            switch (manifest.Heads[i])
            {
                case SegmentationHeadSpec s:
                    head.Segmentation(s);
                    break;
                case BoxListHeadSpec b:
                    head.BoxList(b);
                    break;
                case YoloHeadSpec y:
                    head.Yolo(y, width, height);
                    break;
                case DepthHeadSpec d:
                    head.Depth(d);
                    break;
                case ContractObjectsHeadSpec o:
                    head.ContractObjects(o);
                    break;
            }
        }

        if (errors.Count > 0)
        {
            throw new ConfigException($"{manifest.File}: the manifest does not fit model ({errors.Count} problem{(errors.Count == 1 ? string.Empty : "s")}):"
                + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)));
        }

        return new ManifestBinding(manifest, width, height, imagesPerRun, shapes);
    }

    private static (int Width, int Height, int ImagesPerRun) CheckInput(ModelManifest manifest, ModelSignature model, int cameraCount, List<string> errors)
    {
        ManifestInput input = manifest.Input;
        TensorSignature? tensor = model.FindInput(input.Name);
        if (tensor is null)
        {
            errors.Add($"$.input.name: must be one of the model's inputs ({string.Join(", ", model.Inputs.Select(t => t.Name))}) (got \"{input.Name}\")");
            return (input.WidthPx ?? 0, input.HeightPx ?? 0, 1);
        }

        TensorElementType expected = input.ElementType switch
        {
            InputElementType.Uint8 => TensorElementType.UInt8,
            InputElementType.Float16 => TensorElementType.Float16,
            _ => TensorElementType.Float,
        };
        if (tensor.ElementType != expected)
        {
            errors.Add($"$.input.dtype: must match the model's input element type {tensor.ElementType} (got {input.ElementType})");
        }

        IReadOnlyList<int> dims = tensor.Dimensions;
        if (dims.Count != 4)
        {
            errors.Add($"$.input.name: \"{input.Name}\" must be a rank-4 image tensor (the model's is [{Dims(dims)}])");
            return (input.WidthPx ?? 0, input.HeightPx ?? 0, 1);
        }

        (int c, int h, int w) = input.Layout == TensorLayout.Nchw ? (dims[1], dims[2], dims[3]) : (dims[3], dims[1], dims[2]);
        if (c != 3)
        {
            errors.Add($"$.input.layout: {input.Layout} puts the channel where the model has {c} (model input [{Dims(dims)}]; 3 channels expected)");
        }

        int width = Size("widthPx", w, input.WidthPx, dims, errors);
        int height = Size("heightPx", h, input.HeightPx, dims, errors);
        int batch = dims[0];
        int imagesPerRun = batch == TensorSignature.SymbolicDim ? cameraCount : batch;
        if (batch != TensorSignature.SymbolicDim && batch != 1 && batch != cameraCount)
        {
            errors.Add($"$.input.name: the model's batch is fixed at {batch}; it must be 1 (run per camera), {cameraCount} (the rig's cameras) or dynamic");
        }

        return (width, height, imagesPerRun);
    }

    private static int Size(string key, int modelDim, int? manifestValue, IReadOnlyList<int> dims, List<string> errors)
    {
        if (modelDim == TensorSignature.SymbolicDim)
        {
            if (manifestValue is int given)
            {
                return given;
            }

            errors.Add($"$.input.{key}: is required: the model's input size is dynamic ([{Dims(dims)}])");
            return 0;
        }

        if (manifestValue is int value && value != modelDim)
        {
            errors.Add($"$.input.{key}: must equal the model's fixed input size {modelDim} (got {value})");
        }

        return modelDim;
    }

    internal static string Dims(IReadOnlyList<int> dims) =>
        string.Join(", ", dims.Select(d => d == TensorSignature.SymbolicDim ? "?" : d.ToString(CultureInfo.InvariantCulture)));
}

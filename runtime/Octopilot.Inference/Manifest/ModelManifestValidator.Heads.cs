using Microsoft.ML.OnnxRuntime.Tensors;
using Octopilot.Inference.Contract;

namespace Octopilot.Inference.Manifest;

/// <summary>The output rules of one head (see <see cref="ModelManifestValidator"/>); errors go to the shared list.</summary>
internal readonly struct HeadCheck(
    ModelManifest manifest, ModelSignature model, string path, int imagesPerRun, Dictionary<string, int[]> shapes, List<string> errors)
{
    public void Segmentation(SegmentationHeadSpec s)
    {
        if (Output("output", s.Output, 4) is not int[] dims)
        {
            return;
        }

        int channels = s.Layout == TensorLayout.Nchw ? dims[1] : dims[3];
        if (s.Activation == SegmentationActivation.Argmax && channels == 1)
        {
            return; // a class-index map: Channel is the class value
        }

        if (s.Channel >= channels)
        {
            errors.Add($"{path}.channel: must be below the output's {channels} channels ({s.Layout} [{ModelManifestValidator.Dims(dims)}]) (got {s.Channel})");
        }

        if (s.Activation == SegmentationActivation.Softmax && channels < 2)
        {
            errors.Add($"{path}.activation: softmax needs at least 2 class channels (the output has {channels}); use sigmoid for a single logit");
        }
    }

    public void BoxList(BoxListHeadSpec b)
    {
        int[]? boxes = Output("boxes", b.Boxes, 3);
        int[]? scores = Output("scores", b.Scores, 2);
        int[]? labels = b.Labels is string l ? Output("labels", l, 2) : null;
        if (boxes is not null && boxes[2] != 4)
        {
            errors.Add($"{path}.boxes: \"{b.Boxes}\" must be [N, K, 4] (is [{ModelManifestValidator.Dims(boxes)}])");
        }

        if (boxes is not null && scores is not null && scores[1] != boxes[1])
        {
            errors.Add($"{path}.scores: \"{b.Scores}\" must have one score per box ({boxes[1]}; is [{ModelManifestValidator.Dims(scores)}])");
        }

        if (boxes is not null && labels is not null && labels[1] != boxes[1])
        {
            errors.Add($"{path}.labels: \"{b.Labels}\" must have one label per box ({boxes[1]}; is [{ModelManifestValidator.Dims(labels)}])");
        }
    }

    public void Yolo(YoloHeadSpec y, int inputWidthPx, int inputHeightPx)
    {
        foreach (int stride in y.Strides)
        {
            if (inputWidthPx % stride != 0 || inputHeightPx % stride != 0)
            {
                errors.Add($"{path}.strides: stride {stride} must divide the input size {inputWidthPx}x{inputHeightPx}");
            }
        }

        if (Output("output", y.Output, 3) is not int[] dims)
        {
            return;
        }

        long rows = 0;
        for (int i = 0; i < y.Strides.Count; i++)
        {
            rows += (long)(inputWidthPx / y.Strides[i]) * (inputHeightPx / y.Strides[i]) * y.Anchors[i].Count;
        }

        if (dims[1] != rows)
        {
            errors.Add($"{path}.anchors: strides [{string.Join(", ", y.Strides)}] with [{string.Join(", ", y.Anchors.Select(a => a.Count))}] anchors on {inputWidthPx}x{inputHeightPx} give {rows} rows, the output \"{y.Output}\" has {dims[1]} ([{ModelManifestValidator.Dims(dims)}])");
        }

        if (dims[2] != 5 + manifest.Classes.Count)
        {
            errors.Add($"$.classes: {manifest.Classes.Count} classes need 5 + {manifest.Classes.Count} = {5 + manifest.Classes.Count} columns (x, y, w, h, objectness, class scores); the output \"{y.Output}\" has {dims[2]}");
        }
    }

    public void Depth(DepthHeadSpec d)
    {
        TensorSignature? tensor = model.FindOutput(d.Output);
        int rank = tensor?.Dimensions.Count ?? 4;
        if (rank is not (3 or 4))
        {
            errors.Add($"{path}.output: \"{d.Output}\" must be [N, 1, h, w] or [N, h, w] (is [{ModelManifestValidator.Dims(tensor!.Dimensions)}])");
            return;
        }

        if (Output("output", d.Output, rank) is int[] dims && rank == 4 && dims[1] != 1)
        {
            errors.Add($"{path}.output: \"{d.Output}\" must have one channel (is [{ModelManifestValidator.Dims(dims)}])");
        }
    }

    public void ContractObjects(ContractObjectsHeadSpec o)
    {
        if (Output("output", o.Output, 3) is int[] dims && dims[2] != ModelContract.ObjectFieldCount)
        {
            errors.Add($"{path}.output: \"{o.Output}\" must be [N, K, {ModelContract.ObjectFieldCount}] contract rows (is [{ModelManifestValidator.Dims(dims)}])");
        }
    }

    /// <summary>The output's dims for one run (batch resolved), or null after recording why it cannot be read.</summary>
    private int[]? Output(string key, string name, int rank)
    {
        TensorSignature? tensor = model.FindOutput(name);
        if (tensor is null)
        {
            errors.Add($"{path}.{key}: must be one of the model's outputs ({string.Join(", ", model.Outputs.Select(t => t.Name))}) (got \"{name}\")");
            return null;
        }

        if (tensor.ElementType is not (TensorElementType.Float or TensorElementType.Float16 or TensorElementType.Int64 or TensorElementType.Int32))
        {
            errors.Add($"{path}.{key}: \"{name}\" must be a float, float16 or integer tensor (is {tensor.ElementType})");
            return null;
        }

        IReadOnlyList<int> dims = tensor.Dimensions;
        if (dims.Count != rank)
        {
            errors.Add($"{path}.{key}: \"{name}\" must have rank {rank} (is [{ModelManifestValidator.Dims(dims)}])");
            return null;
        }

        int[] resolved = dims.ToArray();
        resolved[0] = resolved[0] == TensorSignature.SymbolicDim ? imagesPerRun : resolved[0];
        if (resolved[0] != imagesPerRun)
        {
            errors.Add($"{path}.{key}: \"{name}\" has batch {resolved[0]} but the input runs {imagesPerRun} image(s)");
        }

        for (int i = 1; i < resolved.Length; i++)
        {
            if (resolved[i] == TensorSignature.SymbolicDim)
            {
                errors.Add($"{path}.{key}: \"{name}\" dim {i} is dynamic ([{ModelManifestValidator.Dims(dims)}]): export it with a fixed size (e.g. pad the box list to a fixed top-K) so its buffer is allocated once");
                return null;
            }
        }

        shapes[name] = resolved;
        return resolved;
    }
}

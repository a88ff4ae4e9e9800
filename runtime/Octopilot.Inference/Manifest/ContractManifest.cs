using Octopilot.Inference.Contract;
using Octopilot.Inference.Engine;
using Octopilot.Inference.Perception;

namespace Octopilot.Inference.Manifest;

/// <summary>
/// The manifest a contract HydraNet implies (onnx/CONTRACT.md): input "images" [N,H,W,3] uint8 RGB taken as is, frames of
/// another size stretched to it; lanes, drivable and (optional) solid_lines as [N,1,h,w] probabilities, depth in metres, objects as contract rows.
/// The contract model is the manifest-less default: with it the foreign-model engine runs our own HydraNet on frames of
/// any size (still images, cameras at another mode), sharing decoders and BEV fusion with every foreign model.
/// </summary>
public static class ContractManifest
{
    public static ModelManifest For(ModelContract contract, string modelPath, float objectScoreThreshold, ObjectRangePolicy objectRange = ObjectRangePolicy.ModelDepth,
        float objectNmsIou = DetectionOverlapSuppression.Off)
    {
        var input = new ManifestInput(
            ModelContract.InputName, TensorLayout.Nhwc, InputElementType.Uint8, ColourOrder.Rgb, InputScaling.Identity, SpatialFit.Stretch,
            0, contract.InputWidthPx, contract.InputHeightPx);
        var heads = new List<HeadSpec>();
        if (contract.HasLanes)
        {
            heads.Add(new SegmentationHeadSpec(ModelContract.LanesOutput, SegmentationTarget.Lanes, "lanes", SegmentationActivation.Probabilities, 0, TensorLayout.Nchw));
        }

        if (contract.HasDrivable)
        {
            heads.Add(new SegmentationHeadSpec(ModelContract.DrivableOutput, SegmentationTarget.Drivable, "drivable", SegmentationActivation.Probabilities, 0, TensorLayout.Nchw));
        }

        if (contract.HasDepth)
        {
            heads.Add(new DepthHeadSpec(ModelContract.DepthOutput, DepthEncoding.Metric, 1));
        }

        if (contract.HasObjects)
        {
            heads.Add(new ContractObjectsHeadSpec(ModelContract.ObjectsOutput, objectScoreThreshold, objectRange, objectNmsIou));
        }

        if (contract.HasSolidLines)
        {
            heads.Add(new SegmentationHeadSpec(ModelContract.SolidLinesOutput, SegmentationTarget.SolidLines, "solidLines", SegmentationActivation.Probabilities, 0, TensorLayout.Nchw));
        }

        return new ModelManifest(modelPath + " (contract HydraNet, implied manifest)", input, contract.Classes, heads, contract.Stride);
    }
}

namespace Octopilot.Inference.Contract;

/// <summary>
/// Stable ids of the HydraNet contract v1 rules (onnx/CONTRACT.md), in the order they are checked. Messages,
/// `octopilot model validate` and tests name rules by these ids, so renaming one is a breaking change.
/// </summary>
public static class ContractRuleIds
{
    public const string InputName = "input-name";
    public const string InputDtype = "input-dtype";
    public const string InputLayout = "input-layout";
    public const string MetaContractVersion = "meta-contract-version";
    public const string MetaInputHeight = "meta-input-height";
    public const string MetaInputWidth = "meta-input-width";
    public const string MetaStride = "meta-stride";
    public const string MetaClasses = "meta-classes";
    public const string MetaHeads = "meta-heads";
    public const string MetaMaxObjects = "meta-max-objects";
    public const string MetaBackbone = "meta-backbone";
    public const string InputSize = "input-size";
    public const string StrideDividesInput = "stride-divides-input";
    public const string HeadsAtLeastOne = "heads-at-least-one";
    public const string HeadsAreOutputs = "heads-are-outputs";
    public const string OutputsAreHeads = "outputs-are-heads";
    public const string LanesOutput = "lanes-output";
    public const string DrivableOutput = "drivable-output";
    public const string DepthOutput = "depth-output";
    public const string ObjectsOutput = "objects-output";
    public const string SolidLinesOutput = "solid-lines-output";
    public const string BatchConsistent = "batch-consistent";
}

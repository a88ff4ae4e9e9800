namespace Octopilot.Inference.Contract;

/// <summary>The `metadata_props` keys of HydraNet contract v1 (all values are strings in the file).</summary>
public static class ContractMetadataKeys
{
    public const string ContractVersion = "octopilot.contract_version";
    public const string InputHeight = "octopilot.input_height";
    public const string InputWidth = "octopilot.input_width";
    public const string Stride = "octopilot.stride";
    public const string Classes = "octopilot.classes";
    public const string Heads = "octopilot.heads";
    public const string MaxObjects = "octopilot.max_objects";
    public const string Backbone = "octopilot.backbone";
}

using System.Globalization;
using Microsoft.ML.OnnxRuntime.Tensors;
using Ids = Octopilot.Inference.Contract.ContractRuleIds;
using Keys = Octopilot.Inference.Contract.ContractMetadataKeys;

namespace Octopilot.Inference.Contract;

/// <summary>
/// One pass of every contract rule over one model signature. Each rule adds exactly one <see cref="ContractCheck"/>;
/// a rule that needs a value another rule rejected is skipped (the first failure carries the message).
/// Input and metadata rules here; output rules in ContractRules.Outputs.cs.
/// </summary>
internal sealed partial class ContractRules
{
    private readonly string _modelPath;
    private readonly ModelSignature _model;
    private readonly List<ContractCheck> _checks = [];

    // Values parsed by earlier rules for later ones; null where that rule failed.
    private TensorSignature? _input;
    private bool _inputLayoutOk;
    private int? _heightPx, _widthPx, _stride, _maxObjects;
    private string[]? _classes, _heads;
    private string _backbone = string.Empty;
    private bool _strideOk;

    public ContractRules(string modelPath, ModelSignature model)
    {
        _modelPath = modelPath;
        _model = model;
    }

    public ContractReport Run()
    {
        CheckInputName();
        CheckInputDtype();
        CheckInputLayout();
        CheckMetadata();
        CheckInputSize();
        CheckStrideDividesInput();
        CheckHeadsAgainstOutputs();
        CheckMapHead(Ids.LanesOutput, ModelContract.LanesOutput);
        CheckMapHead(Ids.DrivableOutput, ModelContract.DrivableOutput);
        CheckMapHead(Ids.DepthOutput, ModelContract.DepthOutput);
        CheckObjectsHead();
        CheckMapHead(Ids.SolidLinesOutput, ModelContract.SolidLinesOutput);
        CheckBatchConsistent();

        ModelContract? contract = null;
        if (_checks.TrueForAll(c => !c.Failed))
        {
            int? batch = _input!.IsFixed(0) ? _input.Dimensions[0] : null;
            contract = new ModelContract(batch, _heightPx!.Value, _widthPx!.Value, _stride!.Value, _maxObjects ?? 0, _classes!, _heads!, _backbone);
        }

        return new ContractReport(_modelPath, _model, _checks, contract);
    }

    private void CheckInputName()
    {
        const string Rule = "exactly one input, named 'images'";
        _input = _model.FindInput(ModelContract.InputName) ?? (_model.Inputs.Count == 1 ? _model.Inputs[0] : null);
        string actual = _model.Inputs.Count == 0 ? "no inputs" : string.Join(", ", _model.Inputs.Select(i => $"'{i.Name}' {i}"));
        bool ok = _model.Inputs.Count == 1 && _model.Inputs[0].Name == ModelContract.InputName;
        Add(Ids.InputName, ok, Rule, actual, "export the frames as the only input, named 'images' (torch.onnx.export(..., input_names=['images']))");
    }

    private void CheckInputDtype()
    {
        const string Rule = "input 'images' is uint8 (raw RGB bytes)";
        if (_input is null)
        {
            Skip(Ids.InputDtype, Rule, "no input to check (see input-name)");
            return;
        }

        bool ok = _input.IsTensor && _input.ElementType == TensorElementType.UInt8;
        Add(Ids.InputDtype, ok, Rule, _input.ElementTypeName, "take uint8 frames and do the cast to float, /255 and mean/std normalisation inside the graph");
    }

    private void CheckInputLayout()
    {
        const string Rule = "input 'images' is [N,H,W,3] (rank 4, RGB channels last)";
        if (_input is null)
        {
            Skip(Ids.InputLayout, Rule, "no input to check (see input-name)");
            return;
        }

        _inputLayoutOk = _input.IsTensor && _input.Rank == 4 && _input.Dimensions[3] == ModelContract.InputChannels;
        Add(Ids.InputLayout, _inputLayoutOk, Rule, _input.ShapeText, "take NHWC frames (the frame slab layout) and permute to NCHW inside the graph");
    }

    private void CheckMetadata()
    {
        _model.Metadata.TryGetValue(Keys.ContractVersion, out string? version);
        Add(
            Ids.MetaContractVersion,
            version == "1",
            $"metadata {Keys.ContractVersion} is '1'",
            Quote(version),
            $"set metadata_props {Keys.ContractVersion}=1 (this runtime implements contract v1 only)");

        _heightPx = CheckPositiveInt(Ids.MetaInputHeight, Keys.InputHeight, "the input height H in pixels");
        _widthPx = CheckPositiveInt(Ids.MetaInputWidth, Keys.InputWidth, "the input width W in pixels");
        _stride = CheckPositiveInt(Ids.MetaStride, Keys.Stride, "the output stride S of the map heads");
        CheckClasses();
        CheckHeadsList();
        CheckMaxObjects();

        const string BackboneRule = $"metadata {Keys.Backbone} is present and non-empty (informational: tiny, r18, r34, r50)";
        _model.Metadata.TryGetValue(Keys.Backbone, out string? backbone);
        _backbone = backbone?.Trim() ?? string.Empty;
        Add(Ids.MetaBackbone, _backbone.Length > 0, BackboneRule, Quote(backbone), $"set metadata_props {Keys.Backbone} to the backbone name (tiny, r18, r34 or r50)");
    }

    private int? CheckPositiveInt(string id, string key, string meaning)
    {
        _model.Metadata.TryGetValue(key, out string? text);
        int? value = ParsePositiveInt(text);
        Add(id, value is not null, $"metadata {key} is a positive integer: {meaning}", Quote(text), $"set metadata_props {key} to {meaning}, digits only");
        return value;
    }

    private void CheckClasses()
    {
        const string Rule = $"metadata {Keys.Classes} is a comma-separated, non-empty list of class names";
        _model.Metadata.TryGetValue(Keys.Classes, out string? text);
        string[]? names = text?.Split(',', StringSplitOptions.TrimEntries);
        bool ok = names is not null && names.Length > 0 && names.All(n => n.Length > 0);
        _classes = ok ? names : null;
        Add(Ids.MetaClasses, ok, Rule, Quote(text), $"set metadata_props {Keys.Classes}, e.g. 'vehicle,pedestrian,cyclist' in the order of the model's class indices");
    }

    private void CheckHeadsList()
    {
        string rule = $"metadata {Keys.Heads} is a comma-separated list of distinct names from {string.Join(",", ModelContract.KnownHeads)}";
        _model.Metadata.TryGetValue(Keys.Heads, out string? text);
        string[]? names = text is null ? null : string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.TrimEntries);
        string[] unknown = names?.Where(n => !ModelContract.KnownHeads.Contains(n)).ToArray() ?? [];
        bool distinct = names is null || names.Distinct(StringComparer.Ordinal).Count() == names.Length;
        bool ok = names is not null && unknown.Length == 0 && distinct;
        _heads = ok ? names : null;
        string actual = Quote(text) + (unknown.Length > 0 ? $": unknown {string.Join(",", unknown.Select(n => $"'{n}'"))}" : !distinct ? ": a head is listed twice" : string.Empty);
        Add(Ids.MetaHeads, ok, rule, actual, $"set metadata_props {Keys.Heads} to the head outputs the model has, e.g. 'lanes,drivable,depth,objects'");
    }

    private void CheckMaxObjects()
    {
        string rule = $"metadata {Keys.MaxObjects} is a positive integer K (required with an objects head)";
        _model.Metadata.TryGetValue(Keys.MaxObjects, out string? text);
        if (text is null && _heads is not null && !_heads.Contains(ModelContract.ObjectsOutput))
        {
            Skip(Ids.MetaMaxObjects, rule, "no objects head");
            return;
        }

        _maxObjects = ParsePositiveInt(text);
        Add(Ids.MetaMaxObjects, _maxObjects is not null, rule, Quote(text), $"set metadata_props {Keys.MaxObjects} to K, the k of the TopK that makes 'objects'");
    }

    private void CheckInputSize()
    {
        const string Rule = $"H and W of 'images' are fixed and equal {Keys.InputHeight} x {Keys.InputWidth}";
        if (!_inputLayoutOk)
        {
            Skip(Ids.InputSize, Rule, "needs an [N,H,W,3] input (see input-layout)");
            return;
        }

        TensorSignature input = _input!;
        string shape = $"'images' {input.ShapeText}";
        if (!input.IsFixed(1) || !input.IsFixed(2))
        {
            Fail(Ids.InputSize, Rule, $"{shape}: H and W are symbolic", "export with a fixed input size (no dynamic_axes on H and W); the frame slabs are sized from it");
            return;
        }

        if (_heightPx is null || _widthPx is null)
        {
            Skip(Ids.InputSize, Rule, $"{shape}; needs valid {Keys.InputHeight} and {Keys.InputWidth} (see meta-input-height, meta-input-width)");
            return;
        }

        bool ok = input.Dimensions[1] == _heightPx && input.Dimensions[2] == _widthPx;
        Add(Ids.InputSize, ok, Rule, $"{shape}, metadata {_heightPx}x{_widthPx}", "make the metadata and the exported input size agree");
    }

    private void CheckStrideDividesInput()
    {
        const string Rule = $"{Keys.Stride} divides {Keys.InputHeight} and {Keys.InputWidth}";
        if (_stride is null || _heightPx is null || _widthPx is null)
        {
            Skip(Ids.StrideDividesInput, Rule, "needs valid input size and stride metadata");
            return;
        }

        _strideOk = _heightPx % _stride == 0 && _widthPx % _stride == 0;
        Add(Ids.StrideDividesInput, _strideOk, Rule, $"stride {_stride}, input {_heightPx}x{_widthPx}", "choose an input size that is a multiple of the stride (4 or 8)");
    }

    private void Add(string id, bool ok, string rule, string actual, string fix) =>
        _checks.Add(new ContractCheck(id, ok ? ContractCheckOutcome.Passed : ContractCheckOutcome.Failed, rule, actual, ok ? null : fix));

    private void Fail(string id, string rule, string actual, string fix) =>
        _checks.Add(new ContractCheck(id, ContractCheckOutcome.Failed, rule, actual, fix));

    private void Skip(string id, string rule, string why) =>
        _checks.Add(new ContractCheck(id, ContractCheckOutcome.Skipped, rule, why));

    /// <summary>Digits only: no sign, space or exponent, so "4 " or "+4" in a file is reported, not guessed at.</summary>
    private static int? ParsePositiveInt(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : null;

    private static string Quote(string? value) => value is null ? "key missing" : $"'{value}'";
}

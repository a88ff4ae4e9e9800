using Microsoft.ML.OnnxRuntime.Tensors;
using Ids = Octopilot.Inference.Contract.ContractRuleIds;
using Keys = Octopilot.Inference.Contract.ContractMetadataKeys;

namespace Octopilot.Inference.Contract;

/// <summary>The output rules: heads listed vs outputs present, each head's dtype and shape, batch dims.</summary>
internal sealed partial class ContractRules
{
    private void CheckHeadsAgainstOutputs()
    {
        const string AtLeastOneRule = $"at least one head is listed in {Keys.Heads}";
        const string ListedRule = $"every head listed in {Keys.Heads} is a model output";
        const string OutputsRule = $"every model output is a head listed in {Keys.Heads}";
        string outputs = _model.Outputs.Count == 0 ? "no outputs" : "outputs " + string.Join(",", _model.Outputs.Select(o => o.Name));
        if (_heads is null)
        {
            const string Why = $"needs a valid {Keys.Heads} (see meta-heads)";
            Skip(Ids.HeadsAtLeastOne, AtLeastOneRule, Why);
            Skip(Ids.HeadsAreOutputs, ListedRule, Why);
            Skip(Ids.OutputsAreHeads, OutputsRule, Why);
            return;
        }

        Add(Ids.HeadsAtLeastOne, _heads.Length > 0, AtLeastOneRule, $"heads '{string.Join(",", _heads)}'", "export at least one of lanes, drivable, depth, objects and list it");

        string[] missing = _heads.Where(h => _model.FindOutput(h) is null).ToArray();
        Add(
            Ids.HeadsAreOutputs,
            missing.Length == 0,
            ListedRule,
            missing.Length == 0 ? outputs : $"listed but not an output: {string.Join(",", missing)} ({outputs})",
            $"export the missing heads as outputs with those names, or remove them from {Keys.Heads}");

        string[] unlisted = _model.Outputs.Select(o => o.Name).Where(n => !_heads.Contains(n)).ToArray();
        Add(
            Ids.OutputsAreHeads,
            unlisted.Length == 0,
            OutputsRule,
            unlisted.Length == 0 ? outputs : $"output not listed: {string.Join(",", unlisted)} (heads '{string.Join(",", _heads)}')",
            $"remove extra outputs from the export (every output costs a copy per frame), or list real heads in {Keys.Heads}");
    }

    private void CheckMapHead(string id, string name)
    {
        string expected = _strideOk && _heightPx is int h && _widthPx is int w ? $"[N,1,{h / _stride}, {w / _stride}]".Replace(" ", "", StringComparison.Ordinal) : "[N,1,H/S,W/S]";
        string rule = $"output '{name}' is float32 [N,1,H/S,W/S] = {expected}";
        TensorSignature? output = _model.FindOutput(name);
        if (output is null)
        {
            Skip(id, rule, _heads?.Contains(name) == true ? "no such output (see heads-are-outputs)" : "head absent");
            return;
        }

        string fix = $"output the map at stride {_stride?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "S"} as float32 [N,1,H/S,W/S], or set {Keys.Stride} to the stride the head really has";
        if (!IsFloatOfRank(output, 4))
        {
            Fail(id, rule, output.ToString(), fix);
            return;
        }

        if (!_strideOk)
        {
            Skip(id, rule, $"{output}; needs valid input size and stride (see stride-divides-input)");
            return;
        }

        bool ok = output.Dimensions[1] == 1 && output.Dimensions[2] == _heightPx / _stride && output.Dimensions[3] == _widthPx / _stride;
        Add(id, ok, rule, output.ToString(), fix);
    }

    private void CheckObjectsHead()
    {
        string k = _maxObjects?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "K";
        string rule = $"output 'objects' is float32 [N,K,7] with K = {Keys.MaxObjects} = {k}";
        TensorSignature? output = _model.FindOutput(ModelContract.ObjectsOutput);
        if (output is null)
        {
            Skip(Ids.ObjectsOutput, rule, _heads?.Contains(ModelContract.ObjectsOutput) == true ? "no such output (see heads-are-outputs)" : "head absent");
            return;
        }

        const string Fix = $"output TopK(K) rows of (score, class, u, v, w, h, depth) as float32 [N,K,7] with the same K in {Keys.MaxObjects}";
        if (!IsFloatOfRank(output, 3) || output.Dimensions[2] != ModelContract.ObjectFieldCount)
        {
            Fail(Ids.ObjectsOutput, rule, output.ToString(), Fix);
            return;
        }

        if (_maxObjects is null)
        {
            Skip(Ids.ObjectsOutput, rule, $"{output}; needs a valid {Keys.MaxObjects} (see meta-max-objects)");
            return;
        }

        Add(Ids.ObjectsOutput, output.Dimensions[1] == _maxObjects, rule, $"{output}, {Keys.MaxObjects} {_maxObjects}", Fix);
    }

    private void CheckBatchConsistent()
    {
        const string Rule = "every output's batch dim matches the input's: all symbolic, or all the same fixed N";
        if (_input is null || !_input.IsTensor || _input.Rank == 0)
        {
            Skip(Ids.BatchConsistent, Rule, "no input batch dim (see input-name, input-layout)");
            return;
        }

        TensorSignature[] outputs = _model.Outputs.Where(o => o.IsTensor && o.Rank > 0).ToArray();
        bool inputFixed = _input.IsFixed(0);
        bool ok = outputs.All(o => inputFixed ? o.Dimensions[0] == _input.Dimensions[0] : !o.IsFixed(0));
        string actual = string.Join(", ", new[] { _input }.Concat(outputs).Select(t => $"{t.Name} {t.DimText(0)}"));
        Add(Ids.BatchConsistent, ok, Rule, actual, "export dim 0 of 'images' and of every output the same way: dynamic_axes {0: 'N'} on all of them, or on none");
    }

    private static bool IsFloatOfRank(TensorSignature output, int rank) =>
        output.IsTensor && output.ElementType == TensorElementType.Float && output.Rank == rank;
}

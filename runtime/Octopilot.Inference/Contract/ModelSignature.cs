using Microsoft.ML.OnnxRuntime;

namespace Octopilot.Inference.Contract;

/// <summary>
/// Everything the contract looks at in a loaded model: inputs and outputs in the session's order and the
/// `metadata_props` map. Read once from an <see cref="InferenceSession"/>; holds no native resources.
/// </summary>
public sealed class ModelSignature
{
    public ModelSignature(IReadOnlyList<TensorSignature> inputs, IReadOnlyList<TensorSignature> outputs, IReadOnlyDictionary<string, string> metadata, string producerName = "", string graphName = "")
    {
        Inputs = inputs.ToArray();
        Outputs = outputs.ToArray();
        Metadata = new SortedDictionary<string, string>(metadata.ToDictionary(), StringComparer.Ordinal);
        ProducerName = producerName;
        GraphName = graphName;
    }

    public IReadOnlyList<TensorSignature> Inputs { get; }

    public IReadOnlyList<TensorSignature> Outputs { get; }

    /// <summary>Custom metadata (`metadata_props`), sorted by key.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public string ProducerName { get; }

    public string GraphName { get; }

    public static ModelSignature Read(InferenceSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        // InputNames/OutputNames keep the model's declared order; the metadata dictionaries do not promise one.
        TensorSignature[] inputs = session.InputNames.Select(n => TensorSignature.From(n, session.InputMetadata[n])).ToArray();
        TensorSignature[] outputs = session.OutputNames.Select(n => TensorSignature.From(n, session.OutputMetadata[n])).ToArray();
        ModelMetadata metadata = session.ModelMetadata;
        return new ModelSignature(inputs, outputs, metadata.CustomMetadataMap, metadata.ProducerName, metadata.GraphName);
    }

    public TensorSignature? FindInput(string name) => Inputs.FirstOrDefault(t => t.Name == name);

    public TensorSignature? FindOutput(string name) => Outputs.FirstOrDefault(t => t.Name == name);
}

using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Octopilot.Inference.Contract;

/// <summary>
/// One model input or output as ONNX Runtime declares it: name, value kind, element type and shape, with symbolic
/// (dynamic) dims kept by name. A plain snapshot, so contract rules can be tested without a model file.
/// </summary>
public sealed class TensorSignature
{
    /// <summary>ONNX Runtime's value for a symbolic dim in <see cref="Dimensions"/>.</summary>
    public const int SymbolicDim = -1;

    public TensorSignature(string name, TensorElementType elementType, IReadOnlyList<int> dimensions, IReadOnlyList<string>? symbolicDimensions = null, OnnxValueType valueType = OnnxValueType.ONNX_TYPE_TENSOR)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        ValueType = valueType;
        ElementType = elementType;
        Dimensions = dimensions.ToArray();
        string[] symbols = symbolicDimensions?.ToArray() ?? [];
        SymbolicDimensions = symbols.Length == Dimensions.Count ? symbols : Enumerable.Repeat(string.Empty, Dimensions.Count).ToArray();
    }

    public string Name { get; }

    /// <summary>Tensor for every contract input/output; a sequence or map breaks the contract.</summary>
    public OnnxValueType ValueType { get; }

    public bool IsTensor => ValueType == OnnxValueType.ONNX_TYPE_TENSOR;

    public TensorElementType ElementType { get; }

    /// <summary>Fixed sizes, <see cref="SymbolicDim"/> where the dim is symbolic.</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>The symbolic dims' names ("N"), empty for fixed dims and for unnamed dynamic dims.</summary>
    public IReadOnlyList<string> SymbolicDimensions { get; }

    public int Rank => Dimensions.Count;

    public bool IsFixed(int axis) => Dimensions[axis] > 0;

    /// <summary>ONNX's element type name: "uint8", "float32", ...</summary>
    public string ElementTypeName => !IsTensor ? ValueType switch
    {
        OnnxValueType.ONNX_TYPE_SEQUENCE => "sequence",
        OnnxValueType.ONNX_TYPE_MAP => "map",
        OnnxValueType.ONNX_TYPE_OPTIONAL => "optional",
        _ => "non-tensor",
    } : ElementType switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Float16 => "float16",
        TensorElementType.BFloat16 => "bfloat16",
        TensorElementType.Double => "float64",
        TensorElementType.UInt8 => "uint8",
        TensorElementType.Int8 => "int8",
        TensorElementType.UInt16 => "uint16",
        TensorElementType.Int16 => "int16",
        TensorElementType.UInt32 => "uint32",
        TensorElementType.Int32 => "int32",
        TensorElementType.UInt64 => "uint64",
        TensorElementType.Int64 => "int64",
        TensorElementType.Bool => "bool",
        TensorElementType.String => "string",
        _ => ElementType.ToString().ToLowerInvariant(),
    };

    /// <summary>"[N,32,48,3]": a symbolic dim shows its name, or "?" when it has none.</summary>
    public string ShapeText => "[" + string.Join(",", Enumerable.Range(0, Rank).Select(axis => DimText(axis))) + "]";

    /// <summary>The text of one dim as <see cref="ShapeText"/> writes it.</summary>
    public string DimText(int axis) => FormatDim(Dimensions[axis], axis);

    public override string ToString() => $"{ElementTypeName} {ShapeText}";

    /// <summary>Snapshots what ONNX Runtime reports for one input or output.</summary>
    public static TensorSignature From(string name, NodeMetadata metadata)
    {
        if (!metadata.IsTensor)
        {
            return new TensorSignature(name, TensorElementType.DataTypeMax, [], null, metadata.OnnxValueType);
        }

        return new TensorSignature(name, metadata.ElementDataType, metadata.Dimensions, metadata.SymbolicDimensions);
    }

    private string FormatDim(int size, int axis) =>
        size >= 0 ? size.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : SymbolicDimensions[axis].Length > 0 ? SymbolicDimensions[axis] : "?";
}

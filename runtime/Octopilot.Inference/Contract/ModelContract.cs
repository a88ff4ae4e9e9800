using System.Globalization;

namespace Octopilot.Inference.Contract;

/// <summary>
/// What a model that satisfies HydraNet contract v1 (onnx/CONTRACT.md) promises the runtime: input size, stride,
/// map size, heads present, K and class names. Immutable; made by <see cref="ModelContractValidator"/> from a
/// checked model, or directly by tests and fakes (the constructor enforces the same arithmetic rules).
/// </summary>
public sealed class ModelContract
{
    public const int SupportedContractVersion = 1;

    /// <summary>The one input: `uint8 [N,H,W,3]` RGB.</summary>
    public const string InputName = "images";

    public const int InputChannels = 3;

    public const string LanesOutput = "lanes";
    public const string DrivableOutput = "drivable";
    public const string DepthOutput = "depth";
    public const string ObjectsOutput = "objects";

    /// <summary>Optional head: solid lane-line probability map, same shape as <see cref="LanesOutput"/>.</summary>
    public const string SolidLinesOutput = "solid_lines";

    /// <summary>Fields of one `objects` row: (score, class, u, v, w, h, depth).</summary>
    public const int ObjectFieldCount = 7;

    /// <summary>Every head name the contract knows, in <see cref="OutputNames"/> order.</summary>
    public static IReadOnlyList<string> KnownHeads { get; } = Array.AsReadOnly([LanesOutput, DrivableOutput, DepthOutput, ObjectsOutput, SolidLinesOutput]);

    public ModelContract(int? batchSize, int inputHeightPx, int inputWidthPx, int stride, int maxObjects, IEnumerable<string> classes, IEnumerable<string> heads, string backbone = "")
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(batchSize ?? 1, 0, nameof(batchSize));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(inputHeightPx, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(inputWidthPx, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(stride, 0);
        if (inputHeightPx % stride != 0 || inputWidthPx % stride != 0)
        {
            throw new ArgumentException($"stride {stride} must divide the input size {inputHeightPx}x{inputWidthPx}", nameof(stride));
        }

        var headSet = heads.ToHashSet(StringComparer.Ordinal);
        if (headSet.Count == 0 || headSet.Any(h => !KnownHeads.Contains(h)))
        {
            throw new ArgumentException($"heads must be a non-empty subset of {string.Join(",", KnownHeads)} (got {string.Join(",", headSet)})", nameof(heads));
        }

        bool hasObjects = headSet.Contains(ObjectsOutput);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxObjects, hasObjects ? 1 : 0);
        string[] classNames = classes.ToArray();
        if (classNames.Length == 0 || classNames.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("classes must be non-empty names", nameof(classes));
        }

        BatchSize = batchSize;
        InputHeightPx = inputHeightPx;
        InputWidthPx = inputWidthPx;
        Stride = stride;
        MaxObjects = hasObjects ? maxObjects : 0;
        Classes = Array.AsReadOnly(classNames);
        OutputNames = Array.AsReadOnly(KnownHeads.Where(headSet.Contains).ToArray());
        Backbone = backbone;
    }

    public int ContractVersion { get; } = SupportedContractVersion;

    /// <summary>Fixed batch size N, or null when the batch dim is symbolic (any N works).</summary>
    public int? BatchSize { get; }

    public bool IsBatchDynamic => BatchSize is null;

    public int InputHeightPx { get; }

    public int InputWidthPx { get; }

    /// <summary>Output stride S: map heads are H/S x W/S.</summary>
    public int Stride { get; }

    public int MapHeight => InputHeightPx / Stride;

    public int MapWidth => InputWidthPx / Stride;

    /// <summary>K, the rows of `objects` per image; 0 when the model has no objects head.</summary>
    public int MaxObjects { get; }

    /// <summary>Class names; `objects` class field values index this list.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Informational: "tiny", "r18", "r34", "r50" (not used by the runtime).</summary>
    public string Backbone { get; }

    /// <summary>The heads present, as ORT output names, always in the order lanes, drivable, depth, objects, solid_lines.</summary>
    public IReadOnlyList<string> OutputNames { get; }

    public bool HasLanes => OutputNames.Contains(LanesOutput);

    public bool HasDrivable => OutputNames.Contains(DrivableOutput);

    public bool HasDepth => OutputNames.Contains(DepthOutput);

    public bool HasObjects => OutputNames.Contains(ObjectsOutput);

    /// <summary>The optional solid_lines head is present; models without it (the original four heads) work as before.</summary>
    public bool HasSolidLines => OutputNames.Contains(SolidLinesOutput);

    /// <summary>"32x48, stride 4, heads lanes,drivable,depth,objects, K 4, classes vehicle,pedestrian": for logs and the CLI.</summary>
    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"{InputHeightPx}x{InputWidthPx}, stride {Stride}, heads {string.Join(",", OutputNames)}, K {(HasObjects ? MaxObjects.ToString(CultureInfo.InvariantCulture) : "- (no objects head)")}, classes {string.Join(",", Classes)}");

    public override string ToString() => Summary;
}

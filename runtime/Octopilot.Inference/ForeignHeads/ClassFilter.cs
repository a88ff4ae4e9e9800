namespace Octopilot.Inference.ForeignHeads;

/// <summary>
/// Which of a model's <see cref="ClassCount"/> detection classes a decoder keeps. Built once from the manifest's class
/// names (the filter lists names) or from indices; immutable.
/// </summary>
public sealed class ClassFilter
{
    private readonly bool[] _allowed;

    private ClassFilter(bool[] allowed, bool allowsAll)
    {
        _allowed = allowed;
        AllowsAll = allowsAll;
    }

    /// <summary>Classes the model predicts (the manifest's class list length).</summary>
    public int ClassCount => _allowed.Length;

    public bool AllowsAll { get; }

    /// <summary>Every class of <paramref name="classCount"/> is kept.</summary>
    public static ClassFilter All(int classCount) => FromIndices(classCount, []);

    /// <summary>Keeps the listed class indices; an empty list keeps every class.</summary>
    public static ClassFilter FromIndices(int classCount, ReadOnlySpan<int> keep)
    {
        if (classCount <= 0)
        {
            ForeignHeadThrowHelper.ThrowPlan(nameof(classCount), ForeignHeadThrowHelper.Format($"class count {classCount}"), "a detection model has at least one class");
        }

        var allowed = new bool[classCount];
        if (keep.IsEmpty)
        {
            Array.Fill(allowed, true);
            return new ClassFilter(allowed, allowsAll: true);
        }

        foreach (int index in keep)
        {
            if ((uint)index >= (uint)classCount)
            {
                ForeignHeadThrowHelper.ThrowPlan(
                    nameof(keep), ForeignHeadThrowHelper.Format($"class filter index {index}"), ForeignHeadThrowHelper.Format($"indices must be in [0, {classCount})"));
            }

            allowed[index] = true;
        }

        return new ClassFilter(allowed, allowsAll: Array.TrueForAll(allowed, a => a));
    }

    /// <summary>Keeps the classes named in <paramref name="keep"/> (names of <paramref name="classes"/>, exact match); empty keeps every class.</summary>
    public static ClassFilter FromNames(IReadOnlyList<string> classes, IReadOnlyList<string> keep)
    {
        var indices = new int[keep.Count];
        for (int i = 0; i < keep.Count; i++)
        {
            indices[i] = IndexOf(classes, keep[i]);
            if (indices[i] < 0)
            {
                ForeignHeadThrowHelper.ThrowPlan(
                    nameof(keep), $"class filter name '{keep[i]}'", $"not one of the model's classes ({string.Join(", ", classes)})");
            }
        }

        return FromIndices(classes.Count, indices);
    }

    /// <summary>True when <paramref name="classIndex"/> is a class of the model and kept.</summary>
    public bool Allows(int classIndex) => (uint)classIndex < (uint)_allowed.Length && _allowed[classIndex];

    private static int IndexOf(IReadOnlyList<string> classes, string name)
    {
        for (int i = 0; i < classes.Count; i++)
        {
            if (classes[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}

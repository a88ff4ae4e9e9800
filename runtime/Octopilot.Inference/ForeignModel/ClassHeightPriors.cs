namespace Octopilot.Inference.ForeignModel;

/// <summary>
/// Typical object heights by class name, for ranging a detection from its box height when the model has no depth head:
/// depth ≈ fy·H / h. Matched on the lower-case class name (exact, then "contains", so "Car" and "passenger_car" both
/// match car). Values are typical heights of road users, not fitted to any data set: passenger cars 1.5 m (1.4–1.7),
/// vans 2.0 m, trucks 3.0 m, buses and trailers 3.2 m, adult pedestrians 1.7 m, a rider on a bicycle 1.7 m, on a
/// motorcycle 1.5 m. A class that matches none has no prior (its range stays with the ground contact).
/// </summary>
public static class ClassHeightPriors
{
    private static readonly (string Name, double HeightM)[] Known =
    [
        ("car", 1.5), ("van", 2.0), ("truck", 3.0), ("lorry", 3.0), ("bus", 3.2), ("trailer", 3.2),
        ("pedestrian", 1.7), ("person", 1.7), ("bicycle", 1.7), ("cyclist", 1.7), ("bike", 1.7),
        ("motorcycle", 1.5), ("motorbike", 1.5),
    ];

    /// <summary>Prior height per class index (NaN: none), for a model's class list.</summary>
    public static double[] For(IReadOnlyList<string> classNames)
    {
        var heights = new double[classNames.Count];
        for (int i = 0; i < heights.Length; i++)
        {
            heights[i] = Lookup(classNames[i]);
        }

        return heights;
    }

    public static double Lookup(string className)
    {
        string name = className.ToLowerInvariant();
        foreach ((string known, double heightM) in Known)
        {
            if (name == known)
            {
                return heightM;
            }
        }

        foreach ((string known, double heightM) in Known)
        {
            if (name.Contains(known, StringComparison.Ordinal))
            {
                return heightM;
            }
        }

        return double.NaN;
    }
}

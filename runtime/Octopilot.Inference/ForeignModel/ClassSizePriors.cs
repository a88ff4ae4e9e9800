namespace Octopilot.Inference.ForeignModel;

/// <summary>
/// Typical object height and length by class name, for ranging a detection from its box height when the model has no
/// depth head (<see cref="DetectionRangeRefiner"/>). Matched as <c>Octopilot.Core.Labels.ClassNameMatch</c> does (so
/// "Car" and "passenger_car" both match car). Heights are typical of road users (passenger cars 1.7 m: the nuScenes
/// sample's labelled cars are 1.53–2.17 m; vans 2.0; trucks 3.0, which a pickup labelled "truck" (2.1 m) misses by
/// 40 %; buses 3.5; adult pedestrians 1.7; a rider on a bicycle 1.7, on a motorcycle 1.5). Lengths are the extent the
/// box's near face hides: a detector's box spans the object's near face, so its centre is about half a length beyond
/// fy·H/h. A class that matches none has no prior (its range stays with the ground contact).
/// </summary>
public static class ClassSizePriors
{
    private static readonly (string Name, (double HeightM, double LengthM) Size)[] Known =
    [
        ("car", (1.7, 4.6)), ("van", (2.0, 5.0)), ("truck", (3.0, 7.0)), ("lorry", (3.0, 7.0)), ("bus", (3.5, 11.0)), ("trailer", (3.5, 10.0)),
        ("pedestrian", (1.7, 0.5)), ("person", (1.7, 0.5)), ("bicycle", (1.7, 1.8)), ("cyclist", (1.7, 1.8)), ("bike", (1.7, 1.8)),
        ("motorcycle", (1.5, 2.1)), ("motorbike", (1.5, 2.1)),
    ];

    /// <summary>Prior (height, length) per class index, NaN where none, for a model's class list.</summary>
    public static (double HeightM, double LengthM)[] For(IReadOnlyList<string> classNames) => classNames.Select(Lookup).ToArray();

    public static (double HeightM, double LengthM) Lookup(string className) =>
        Octopilot.Core.Labels.ClassNameMatch.TryFind(className, Known, out (double, double) size) ? size : (double.NaN, double.NaN);
}

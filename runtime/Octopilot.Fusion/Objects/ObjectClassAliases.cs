namespace Octopilot.Fusion.Objects;

/// <summary>
/// Maps the class names foreign detectors use (COCO, nuScenes, KITTI style) onto the footprint classes of
/// <see cref="DetectionProjectorOptions.ClassShapes"/> (vehicle, pedestrian, cyclist), so a "car" or "truck" box is
/// fitted with a vehicle footprint instead of the unknown shape. Matched by <c>Octopilot.Core.Labels.ClassNameMatch</c>.
/// </summary>
public static class ObjectClassAliases
{
    private static readonly (string Alias, string ShapeClass)[] Aliases =
    [
        ("car", "vehicle"), ("truck", "vehicle"), ("bus", "vehicle"), ("van", "vehicle"), ("trailer", "vehicle"),
        ("lorry", "vehicle"), ("construction_vehicle", "vehicle"),
        ("pedestrian", "pedestrian"), ("person", "pedestrian"),
        ("cyclist", "cyclist"), ("bicycle", "cyclist"), ("motorcycle", "cyclist"), ("motorbike", "cyclist"), ("bike", "cyclist"),
    ];

    /// <summary>The footprint class for <paramref name="className"/>, or null when none fits.</summary>
    public static string? ShapeClassFor(string className) =>
        Octopilot.Core.Labels.ClassNameMatch.TryFind(className, Aliases, out string shape) ? shape : null;
}

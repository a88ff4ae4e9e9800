namespace Octopilot.Fusion.Objects;

/// <summary>
/// Maps the class names foreign detectors use (COCO, nuScenes, KITTI style) onto the footprint classes of
/// <see cref="DetectionProjectorOptions.ClassShapes"/> (vehicle, pedestrian, cyclist), so a "car" or "truck" box is
/// fitted with a vehicle footprint instead of the unknown shape. Matched on the lower-case name, exact then contained.
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
    public static string? ShapeClassFor(string className)
    {
        string name = className.ToLowerInvariant();
        foreach ((string alias, string shape) in Aliases)
        {
            if (name == alias)
            {
                return shape;
            }
        }

        foreach ((string alias, string shape) in Aliases)
        {
            if (name.Contains(alias, StringComparison.Ordinal))
            {
                return shape;
            }
        }

        return null;
    }
}

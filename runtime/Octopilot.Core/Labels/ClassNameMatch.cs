namespace Octopilot.Core.Labels;

/// <summary>
/// Matches a detector's class name (COCO, nuScenes, KITTI style: "Car", "passenger_car", "construction_vehicle") against a
/// table of known names: lower-cased, an exact match first, then the first known name the class name contains.
/// Shared by the range priors (inference) and the footprint shapes (fusion), so both read a name the same way.
/// </summary>
public static class ClassNameMatch
{
    public static bool TryFind<T>(string className, IReadOnlyList<(string Name, T Value)> table, out T value)
    {
        string name = className.ToLowerInvariant();
        foreach ((string known, T v) in table)
        {
            if (name == known)
            {
                value = v;
                return true;
            }
        }

        foreach ((string known, T v) in table)
        {
            if (name.Contains(known, StringComparison.Ordinal))
            {
                value = v;
                return true;
            }
        }

        value = default!;
        return false;
    }
}

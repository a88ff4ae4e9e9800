using System.Globalization;
using System.Text.Json;
using Octopilot.Core.Configuration;
using Octopilot.Core.Geometry;

namespace Octopilot.Core.Calibration.Importers;

/// <summary>
/// Readers for the JSON shapes the foreign calibration files use, on top of <see cref="JsonConfigNode"/> so every
/// failure names file and JSON path. Unlike our rig format, unknown keys are ignored: these files carry much more
/// than a rig (labels, LiDAR poses), and what we do not read cannot be misread.
/// </summary>
internal static class ImportJson
{
    /// <summary>The members of a JSON object in file order, each with its path.</summary>
    public static IReadOnlyList<(string Key, JsonConfigNode Node)> Members(JsonConfigNode node)
    {
        node.RequireKind(JsonValueKind.Object, "must be a JSON object");
        var members = new List<(string, JsonConfigNode)>();
        foreach (JsonProperty property in node.Element.EnumerateObject())
        {
            members.Add((property.Name, new JsonConfigNode(node.File, $"{node.Path}.{property.Name}", property.Value)));
        }

        return members;
    }

    /// <summary>A row-major 3x3 matrix written as three arrays of three numbers.</summary>
    public static Mat3 Matrix3(JsonConfigNode node)
    {
        IReadOnlyList<JsonConfigNode> rows = node.Items();
        if (rows.Count != 3)
        {
            throw node.Error("must be 3 rows of 3 numbers", rows.Count.ToString(CultureInfo.InvariantCulture) + " rows");
        }

        double[] r0 = rows[0].Numbers(3), r1 = rows[1].Numbers(3), r2 = rows[2].Numbers(3);
        return new Mat3(r0[0], r0[1], r0[2], r1[0], r1[1], r1[2], r2[0], r2[1], r2[2]);
    }

    /// <summary>A whole positive number (an image size) read from a JSON number.</summary>
    public static int ImageSize(JsonConfigNode node)
    {
        double value = node.AsNumber();
        RigRules.RequireImageSize(node.File, node.Path, value);
        return (int)value;
    }
}

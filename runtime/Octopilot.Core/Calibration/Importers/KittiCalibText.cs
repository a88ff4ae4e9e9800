using System.Globalization;
using Octopilot.Core.Configuration;
using Octopilot.Core.Geometry;

namespace Octopilot.Core.Calibration.Importers;

/// <summary>
/// The KITTI calibration text format: one <c>key: v1 v2 …</c> per line (both the raw <c>calib_cam_to_cam.txt</c> and
/// the object <c>calib/*.txt</c>). Values are parsed only when asked for, because some lines are not numeric
/// (<c>calib_time</c>). Failures name the file, the key as field, the rule and the line.
/// </summary>
internal sealed class KittiCalibText
{
    private readonly Dictionary<string, (string Values, int Line)> _entries;

    private KittiCalibText(string file, Dictionary<string, (string Values, int Line)> entries)
    {
        File = file;
        _entries = entries;
    }

    public string File { get; }

    public static KittiCalibText Load(string path)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, "(file)", "must be a readable file", e.Message);
        }

        return Parse(path, text);
    }

    public static KittiCalibText Parse(string fileNameForMessages, string text)
    {
        var entries = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new ConfigException(fileNameForMessages, "(syntax)", "each line must be 'key: values'", $"\"{line}\"", i + 1);
            }

            string key = line[..colon].Trim();
            if (!entries.TryAdd(key, (line[(colon + 1)..], i + 1)))
            {
                throw new ConfigException(fileNameForMessages, key, "must appear once", "a second time", i + 1);
            }
        }

        return new KittiCalibText(fileNameForMessages, entries);
    }

    public bool Has(string key) => _entries.ContainsKey(key);

    public ConfigException Error(string key, string rule, string? actual = null) =>
        new(File, key, rule, actual, _entries.TryGetValue(key, out var entry) ? entry.Line : null);

    /// <summary>Exactly <paramref name="count"/> finite numbers under <paramref name="key"/>.</summary>
    public double[] Numbers(string key, int count)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            throw new ConfigException(File, key, "is required");
        }

        string[] parts = entry.Values.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != count)
        {
            throw Error(key, $"must have {count} numbers", parts.Length.ToString(CultureInfo.InvariantCulture) + " numbers");
        }

        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw Error(key, "must be finite numbers", $"\"{parts[i]}\" at position {i}");
            }
        }

        return values;
    }

    /// <summary>A row-major 3x3 matrix (9 numbers).</summary>
    public Mat3 Matrix3(string key)
    {
        double[] m = Numbers(key, 9);
        return new Mat3(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]);
    }

    /// <summary>A 3x3 rotation that must pass the rig's rotation rules.</summary>
    public Mat3 Rotation(string key)
    {
        Mat3 r = Matrix3(key);
        RequireRotation(key, r);
        return r;
    }

    /// <summary>A row-major 3x4 [R | t] rigid transform (12 numbers); R must pass the rotation rules.</summary>
    public RigidTransform Transform3x4(string key)
    {
        double[] m = Numbers(key, 12);
        var r = new Mat3(m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10]);
        RequireRotation(key, r);
        return new RigidTransform(r, new Vec3(m[3], m[7], m[11]));
    }

    /// <summary>
    /// A rectified 3x4 projection P = K·[I | b] (KITTI P0..P3, P_rect_xx): K must be a pinhole matrix and
    /// b = K⁻¹·P[:,3] is the offset of this camera from the rectified reference camera (x_cam = x_ref + b).
    /// </summary>
    public (Mat3 K, Vec3 OffsetM) RectifiedProjection(string key)
    {
        double[] p = Numbers(key, 12);
        var k = new Mat3(p[0], p[1], p[2], p[4], p[5], p[6], p[8], p[9], p[10]);
        RequirePinhole(key, k);

        // Back-substitute K·b = p4 with K upper-triangular, no skew, K[2][2] = 1.
        double bz = p[11];
        double by = (p[7] - (k.M12 * bz)) / k.M11;
        double bx = (p[3] - (k.M02 * bz)) / k.M00;
        return (k, new Vec3(bx, by, bz));
    }

    public void RequirePinhole(string key, Mat3 k)
    {
        try
        {
            RigRules.RequirePinholeMatrix(File, key, k);
        }
        catch (ConfigException e)
        {
            throw Error(key, e.Rule, e.Actual);
        }
    }

    private void RequireRotation(string key, Mat3 r)
    {
        try
        {
            RigRules.RequireRotation(File, key, r);
        }
        catch (ConfigException e)
        {
            // Same rule, re-raised with the line number the text format can give.
            throw Error(key, e.Rule, e.Actual);
        }
    }
}

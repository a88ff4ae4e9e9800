using System.Globalization;
using Octopilot.Core.Configuration;
using Octopilot.Core.Geometry;

namespace Octopilot.Core.Calibration;

/// <summary>
/// The validation rules every rig source obeys, in one place: <see cref="RigFile"/> and the importers for foreign
/// calibration formats call the same checks, so a camera refused in our JSON is refused from nuScenes, KITTI or
/// Argoverse with the same rule text. Each check throws a <see cref="ConfigException"/> naming file, field, rule and value.
/// </summary>
internal static class RigRules
{
    public const string ImageSizeRule = "must be a whole number of pixels in 16..8192";

    public const string FocalRule = "focal length must be > 0 px (K must be invertible)";

    public const string NameRule = "must be a non-empty name of letters, digits, '_' or '-'";

    public static void RequireImageSize(string file, string field, double valuePx)
    {
        if (!(valuePx >= 16 && valuePx <= 8192 && valuePx == Math.Floor(valuePx)))
        {
            throw new ConfigException(file, field, ImageSizeRule, valuePx.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    public static void RequireFocal(string file, string field, double focalPx)
    {
        if (!(focalPx > 0))
        {
            throw new ConfigException(file, field, FocalRule, focalPx.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    public static void RequirePrincipalPoint(string file, string field, double valuePx, int extentPx)
    {
        if (!(valuePx >= 0 && valuePx <= extentPx - 1))
        {
            throw new ConfigException(file, field, $"principal point must lie inside the image, 0..{extentPx - 1} px",
                valuePx.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// A 3x3 camera matrix from a foreign file must be a pinhole K this runtime can represent: third row [0, 0, 1],
    /// no skew (the camera model has no skew term) and positive focal lengths (so K is invertible).
    /// </summary>
    public static void RequirePinholeMatrix(string file, string field, Mat3 k)
    {
        if (k.M20 != 0 || k.M21 != 0 || k.M22 != 1 || k.M10 != 0)
        {
            throw new ConfigException(file, field, "camera matrix must have the pinhole form [[fx, 0, cx], [0, fy, cy], [0, 0, 1]]",
                FormattableString.Invariant($"row 1 [{k.M10}, {k.M11}, {k.M12}], row 2 [{k.M20}, {k.M21}, {k.M22}]"));
        }

        if (k.M01 != 0)
        {
            throw new ConfigException(file, field, "skew K[0][1] must be 0: the camera model has no skew term",
                k.M01.ToString("R", CultureInfo.InvariantCulture));
        }

        RequireFocal(file, field, Math.Min(k.M00, k.M11));
    }

    /// <summary>
    /// The renderer and the BEV lookup tables invert the distortion per pixel; a model that folds over inside
    /// the image (radius not monotonic) has no inverse there, so it is refused at load time.
    /// </summary>
    public static void RequireInvertibleDistortion(string file, string field, LensDistortion distortion,
        double fx, double fy, double cx, double cy, int width, int height)
    {
        double xMax = Math.Max(cx, width - 1 - cx) / fx;
        double yMax = Math.Max(cy, height - 1 - cy) / fy;
        double rMax = Math.Sqrt((xMax * xMax) + (yMax * yMax)) * 1.5;
        double previous = 0;
        const int Steps = 200;
        for (int i = 1; i <= Steps; i++)
        {
            double r = rMax * i / Steps;
            double r2 = r * r;
            double distorted = r * (1 + (r2 * (distortion.K1 + (r2 * (distortion.K2 + (r2 * distortion.K3))))));
            if (distorted <= previous)
            {
                throw new ConfigException(file, field,
                    "radial distortion must grow monotonically across the image (the lens model folds over and cannot be inverted)",
                    FormattableString.Invariant($"[{distortion.K1}, {distortion.K2}, {distortion.P1}, {distortion.P2}, {distortion.K3}]"));
            }

            previous = distorted;
        }
    }

    /// <summary>All intrinsics rules on a finished <see cref="CameraIntrinsics"/> (importers); fields are named <paramref name="field"/>.</summary>
    public static void RequireValidIntrinsics(string file, string field, CameraIntrinsics k)
    {
        RequireImageSize(file, field + " width", k.WidthPx);
        RequireImageSize(file, field + " height", k.HeightPx);
        RequireFocal(file, field + " fx", k.FxPx);
        RequireFocal(file, field + " fy", k.FyPx);
        RequirePrincipalPoint(file, field + " cx", k.CxPx, k.WidthPx);
        RequirePrincipalPoint(file, field + " cy", k.CyPx, k.HeightPx);
        if (!k.Distortion.IsZero)
        {
            RequireInvertibleDistortion(file, field + " distortion", k.Distortion, k.FxPx, k.FyPx, k.CxPx, k.CyPx, k.WidthPx, k.HeightPx);
        }
    }

    public static void RequireRotation(string file, string field, Mat3 m)
    {
        double error = m.OrthonormalityError();
        if (!(error <= RigFile.OrthonormalityTolerance))
        {
            throw new ConfigException(file, field,
                FormattableString.Invariant($"rotation must be orthonormal: |R·Rᵀ − I| must be <= {RigFile.OrthonormalityTolerance}"),
                error.ToString("G4", CultureInfo.InvariantCulture));
        }

        if (m.Determinant < 0)
        {
            throw new ConfigException(file, field, "rotation must be proper (det = +1); det = −1 is a reflection, usually a flipped axis",
                m.Determinant.ToString("G4", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Rotation from a quaternion (w, x, y, z) that must have unit length within the tolerance.</summary>
    public static Mat3 RotationFromQuaternion(string file, string field, double w, double x, double y, double z)
    {
        double norm = Math.Sqrt((w * w) + (x * x) + (y * y) + (z * z));
        if (!(Math.Abs(norm - 1) <= RigFile.QuaternionNormTolerance))
        {
            throw new ConfigException(file, field,
                FormattableString.Invariant($"quaternion must have unit length (±{RigFile.QuaternionNormTolerance})"),
                norm.ToString("G6", CultureInfo.InvariantCulture));
        }

        // Normalise what the tolerance let through: the matrix formula assumes |q| = 1 (|q| = 1 + ε gives
        // |R·Rᵀ − I| ≈ 8ε), and the inverse extrinsics (Rᵀ) are only exact for an orthonormal R.
        return Mat3.FromQuaternion(w / norm, x / norm, y / norm, z / norm);
    }

    public static void RequireAboveGround(string file, string field, Vec3 cameraPositionEgoM)
    {
        if (!(cameraPositionEgoM.Z >= RigFile.MinCameraHeightM))
        {
            throw new ConfigException(file, field,
                FormattableString.Invariant($"camera must be above the ground: z (up, ISO 8855) must be >= {RigFile.MinCameraHeightM} m"),
                cameraPositionEgoM.Z.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    public static void RequireCameraName(string file, string field, string name)
    {
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-')))
        {
            throw new ConfigException(file, field, NameRule, $"\"{name}\"");
        }
    }

    /// <summary>Records <paramref name="name"/> as used at <paramref name="field"/>; a second use names the first.</summary>
    public static void RequireUniqueName(Dictionary<string, string> seenNameToField, string file, string field, string name)
    {
        if (seenNameToField.TryGetValue(name, out string? firstField))
        {
            throw new ConfigException(file, field, $"must be unique in the rig; already used by {firstField}", $"\"{name}\"");
        }

        seenNameToField.Add(name, field);
    }
}

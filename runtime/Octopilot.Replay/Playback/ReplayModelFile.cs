using System.Security.Cryptography;
using Octopilot.DriveLog.Format;

namespace Octopilot.Replay.Playback;

/// <summary>Finds the HydraNet a drive was perceived by (or the one asked for instead), for both replay modes.</summary>
public static class ReplayModelFile
{
    /// <summary>
    /// The model file to replay <paramref name="info"/>'s drive with: <paramref name="overridePath"/> (--model) or the
    /// recorded path, relative ones under <paramref name="baseDirectory"/>. Throws <see cref="ReplayException"/> when it
    /// does not exist; tells <paramref name="log"/> when its SHA-256 is not the recorded one (commands may then differ).
    /// </summary>
    public static string Resolve(SegmentInfo info, string? overridePath, string? baseDirectory, TextWriter log)
    {
        string path = overridePath ?? ReplayProperties.Require(info, ReplayProperties.ModelPath);
        if (!Path.IsPathRooted(path) && baseDirectory is not null)
        {
            path = Path.Combine(baseDirectory, path);
        }

        if (!File.Exists(path))
        {
            throw new ReplayException($"drive {info.DriveId} was perceived by the model '{path}', which does not exist here; pass --model FILE");
        }

        string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        if (!string.Equals(sha, info.ModelSha256, StringComparison.Ordinal))
        {
            log.WriteLine($"replay: model {Path.GetFileName(path)} (SHA-256 {sha[..12]}…) is not the recorded one ({(info.ModelSha256.Length >= 12 ? info.ModelSha256[..12] : info.ModelSha256)}…): commands may differ");
        }

        return path;
    }
}

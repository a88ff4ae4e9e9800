using System.Security.Cryptography;

namespace Octopilot.Inference.Providers;

/// <summary>SHA-256 of a model file, as `sha256sum` prints it (lower-case hex).</summary>
public static class ModelHash
{
    public static string Sha256Hex(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

using Octopilot.Host.Sim;
using Octopilot.Inference.Engine;
using Octopilot.Inference.Providers;

namespace Octopilot.Host.Cli;

/// <summary>Applies the command line's inference options on top of the settings file.</summary>
internal static class InferenceOverrides
{
    public static SimSettings Apply(SimSettings settings, string? model, string? providers, string? requireProvider, bool noInference, string? manifest = null)
    {
        if (noInference)
        {
            return settings with { Inference = null };
        }

        InferenceOptions? options = settings.Inference;
        if (model is not null)
        {
            if (!File.Exists(model))
            {
                throw new UsageException($"--model: no such file: {Path.GetFullPath(model)}");
            }

            // Another model: the settings' manifest described the settings' model, not this one.
            options = (options ?? new InferenceOptions { ModelPath = model }) with { ModelPath = Path.GetFullPath(model), ManifestPath = null };
        }

        if (manifest is not null)
        {
            if (!File.Exists(manifest))
            {
                throw new UsageException($"--manifest: no such file: {Path.GetFullPath(manifest)}");
            }

            options = (options ?? throw new UsageException("--manifest: no model to run; give --model or an inference section in the settings"))
                with { ManifestPath = Path.GetFullPath(manifest) };
        }

        if (providers is not null || requireProvider is not null)
        {
            options = options ?? throw new UsageException("--provider/--require-provider: no model to run; give --model or an inference section in the settings");
            if (providers is not null)
            {
                options = options with { Providers = providers.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => Parse(p, "--provider")).ToArray() };
            }

            if (requireProvider is not null)
            {
                options = options with { RequiredProvider = Parse(requireProvider, "--require-provider") };
            }
        }

        return settings with { Inference = options };
    }

    private static ExecutionProviderKind Parse(string name, string option) =>
        ExecutionProviderNames.TryParse(name, out ExecutionProviderKind kind)
            ? kind
            : throw new UsageException($"{option}: '{name}' is not a provider; allowed: {string.Join(", ", ExecutionProviderNames.All)}");
}

using Microsoft.ML.OnnxRuntime;

namespace Octopilot.Benchmarks.Inference;

/// <summary>
/// (a) Bare ONNX Runtime: <c>RunWithBinding</c> on a binding whose input already wraps the slab and whose outputs are
/// pre-bound, and nothing else. The floor the engine is measured against: same session, same binding, no decode.
/// </summary>
internal sealed class BareOrtRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtIoBinding _binding;
    private readonly RunOptions _runOptions = new();

    public BareOrtRunner(InferenceFixture fixture)
    {
        _session = fixture.Engine.Session;
        _binding = fixture.Engine.BindingFor(fixture.Lease.Slab.Index);
    }

    public void Run() => _session.RunWithBinding(_runOptions, _binding);

    public void Dispose() => _runOptions.Dispose();
}

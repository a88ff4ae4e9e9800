using Octopilot.Core.Time;
using Octopilot.Inference.Engine;
using Octopilot.Inference.Providers;

namespace Octopilot.Inference.Tests.Engine;

public sealed class OptimizedModelCacheTests
{
    [Fact]
    public void Open_WithCacheDirectory_WritesTheOptimisedGraphOnceAndReusesIt()
    {
        string cache = Path.Combine(Path.GetTempPath(), "octopilot-ortcache-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new InferenceOptions { ModelPath = TinyModelFiles.Model, OptimizedModelCacheDirectory = cache };
            using (InferenceEngine.Open(options, new VirtualClock(), TextWriter.Null))
            {
            }

            string cached = Assert.Single(Directory.GetFiles(cache));
            Assert.Contains(ModelHash.Sha256Hex(TinyModelFiles.Model)[..16], Path.GetFileName(cached), StringComparison.Ordinal);
            Assert.EndsWith(".cpu.optimized.onnx", cached, StringComparison.Ordinal);
            DateTime written = File.GetLastWriteTimeUtc(cached);

            using var harness = new EngineHarness(options, cameras: 2);
            byte[] frame = new byte[harness.Pool[0].SlotBytes];
            harness.RunSet(_ => frame);

            Assert.Equal(written, File.GetLastWriteTimeUtc(cached));
            Assert.All(harness.Results.Cameras, camera =>
                Assert.All(Enum.GetValues<Octopilot.Inference.Perception.HeadKind>(), head => Assert.True(camera.IsValid(head))));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}

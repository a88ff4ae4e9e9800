namespace Octopilot.KernelTests.Infrastructure;

/// <summary>Waits for another thread's (or the kernel's) effect, bounded; fails with the condition's description if it never comes.</summary>
internal static class Eventually
{
    /// <summary>10 s: generous for an emulated guest, where a thread switch can take milliseconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static void True(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? DefaultTimeout;
        DateTime deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out after {limit.TotalSeconds} s waiting for: {what}");
            Thread.Sleep(1);
        }
    }
}

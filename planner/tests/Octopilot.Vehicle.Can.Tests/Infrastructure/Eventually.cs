namespace Octopilot.Vehicle.Can.Tests.Infrastructure;

/// <summary>Waits for another thread's effect, bounded; fails with the condition's description if it never comes.</summary>
internal static class Eventually
{
    public static void True(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out after {timeoutMs} ms waiting for: {what}");
            Thread.Sleep(1);
        }
    }
}

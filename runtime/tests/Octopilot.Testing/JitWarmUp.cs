namespace Octopilot.Testing;

/// <summary>
/// Runs code until the JIT has compiled it to its final tier, before an allocation test measures it. Tiered
/// compilation, on-stack replacement and PGO instrumentation allocate on the calling thread while they run (CI measured
/// 7.6 KB after 3 warm-up frames and 8.1 KB after 10 warm-up decodes), so a few warm-up calls are not enough: call
/// counting promotes a method after 30 calls and installs tier 1 from a background thread, hence the pause between
/// two rounds.
/// </summary>
public static class JitWarmUp
{
    /// <summary>Calls per round: past the 30-call tier-up threshold with margin.</summary>
    public const int CallsPerRound = 60;

    /// <summary>Pause for the background compiler to install tier 1 (the tiering delay is 100 ms).</summary>
    public static readonly TimeSpan BackgroundCompilePause = TimeSpan.FromMilliseconds(300);

    public static void ToFinalTier(Action action)
    {
        for (int round = 0; round < 2; round++)
        {
            for (int i = 0; i < CallsPerRound; i++)
            {
                action();
            }

            Thread.Sleep(BackgroundCompilePause);
        }
    }
}

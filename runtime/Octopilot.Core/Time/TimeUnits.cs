namespace Octopilot.Core.Time;

/// <summary>Conversions between nanosecond timestamps and SI seconds, in one place.</summary>
public static class TimeUnits
{
    public const long NsPerMs = 1_000_000;
    public const long NsPerSecond = 1_000_000_000;

    public static double NsToSeconds(long ns) => ns / (double)NsPerSecond;

    public static double NsToMs(long ns) => ns / (double)NsPerMs;

    public static long SecondsToNs(double seconds) => (long)Math.Round(seconds * NsPerSecond);

    public static long MsToNs(double ms) => (long)Math.Round(ms * NsPerMs);

    /// <summary>Frame period for a rate, rounded to the nanosecond.</summary>
    public static long PeriodNs(double framesPerSecond) => (long)Math.Round(NsPerSecond / framesPerSecond);
}

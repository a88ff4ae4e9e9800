using System.Diagnostics;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Sources;

namespace Octopilot.KernelTests.Can;

/// <summary>
/// The car's side of the bus: writes recorded frames through its own raw socket at the pace they were recorded (each
/// frame at its offset from the first), as the car's ECUs would. Pacing matters: vcan has no flow control, so a burst
/// faster than the reader drains its socket queue would be dropped there, and the state's silence rule judges arrival
/// times. Runs on the calling thread.
/// </summary>
internal static class PacedCar
{
    /// <summary>A frame's write may be retried this long (a full transmit queue is transient); after that the test fails.</summary>
    private static readonly TimeSpan WriteRetryLimit = TimeSpan.FromSeconds(1);

    /// <summary>Writes <paramref name="frames"/> in real time; returns how late the latest frame went out and how many writes were retried.</summary>
    public static (TimeSpan MaxLateness, int Retries) Replay(SocketCanFrameSource car, CanFrame[] frames)
    {
        long logStartNs = frames[0].TimestampNs;
        long started = Stopwatch.GetTimestamp();
        TimeSpan maxLateness = TimeSpan.Zero;
        int retries = 0;
        foreach (CanFrame frame in frames)
        {
            var due = TimeSpan.FromTicks((frame.TimestampNs - logStartNs) / 100);
            TimeSpan wait;
            while ((wait = due - Stopwatch.GetElapsedTime(started)) > TimeSpan.Zero)
            {
                // Sleep(1) wakes a millisecond or more late; the last stretch is spun so frames keep their spacing.
                if (wait > TimeSpan.FromMilliseconds(2))
                {
                    Thread.Sleep(1);
                }
                else
                {
                    Thread.SpinWait(100);
                }
            }

            TimeSpan lateness = Stopwatch.GetElapsedTime(started) - due;
            maxLateness = lateness > maxLateness ? lateness : maxLateness;
            long firstTry = Stopwatch.GetTimestamp();
            while (!car.TryWrite(frame))
            {
                retries++;
                if (Stopwatch.GetElapsedTime(firstTry) > WriteRetryLimit)
                {
                    throw new IOException($"{car.Name}: the car could not write {frame} for {WriteRetryLimit.TotalSeconds} s ({car.WriteFailures} failed writes)");
                }

                Thread.Sleep(1);
            }
        }

        return (maxLateness, retries);
    }
}

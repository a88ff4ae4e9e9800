namespace Octopilot.Planner.Simulation.Running;

/// <summary>Converts scenario times to tick indices the same way everywhere: an event at t fires on the first tick at or after t.</summary>
internal static class Ticks
{
    public static long At(double timeS, double tickS) => (long)Math.Ceiling((timeS / tickS) - 1e-9);
}

namespace Octopilot.Host.Cli;

/// <summary>Runs a long command with Ctrl+C turned into a cancellation (the run ends cleanly and prints its summary).</summary>
internal static class CtrlC
{
    public static int Run(Func<CancellationToken, int> run)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return run(stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}

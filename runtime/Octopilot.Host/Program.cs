namespace Octopilot.Host;

/// <summary>Entry point of the `octopilot` binary.</summary>
public static class Program
{
    public static int Main(string[] args) => args.Length >= 0 ? 0 : 1;
}

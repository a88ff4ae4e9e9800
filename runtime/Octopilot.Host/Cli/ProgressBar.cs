namespace Octopilot.Host.Cli;

/// <summary>
/// A one-line text progress bar for long commands: redrawn in place on a terminal, a line per 10 % when the output is
/// redirected (logs stay readable). Called from the working thread; writes only when the shown value changes.
/// </summary>
internal sealed class ProgressBar
{
    private const int Width = 40;
    private readonly TextWriter _output;
    private readonly bool _interactive;
    private int _shown = -1;

    public ProgressBar(TextWriter output, bool interactive)
    {
        _output = output;
        _interactive = interactive;
    }

    public void Report(double fraction)
    {
        int percent = (int)Math.Clamp(fraction * 100, 0, 100);
        int step = _interactive ? percent : percent / 10 * 10;
        if (step == _shown)
        {
            return;
        }

        _shown = step;
        int filled = percent * Width / 100;
        string line = $"[{new string('#', filled)}{new string('-', Width - filled)}] {percent,3}%";
        if (_interactive)
        {
            _output.Write("\r" + line);
        }
        else
        {
            _output.WriteLine(line);
        }
    }

    public void Finish()
    {
        if (_interactive)
        {
            _output.WriteLine();
        }
    }
}

namespace Octopilot.Planner.Tick;

/// <summary>
/// The degraded flag with hysteresis: raised after <c>raiseAfterBad</c> bad ticks in a row, cleared after
/// <c>clearAfterGood</c> good ticks in a row, so a single late wake-up neither raises it nor a single good tick clears it.
/// Used only on the tick thread; no locking.
/// </summary>
internal sealed class OverrunHysteresis
{
    private readonly int _raiseAfterBad;
    private readonly int _clearAfterGood;
    private int _consecutiveBad;
    private int _consecutiveGood;

    public OverrunHysteresis(int raiseAfterBad, int clearAfterGood)
    {
        _raiseAfterBad = raiseAfterBad;
        _clearAfterGood = clearAfterGood;
    }

    public bool IsDegraded { get; private set; }

    /// <summary>Records one tick; returns true when <see cref="IsDegraded"/> changed with it.</summary>
    public bool Record(bool isBad)
    {
        if (isBad)
        {
            _consecutiveGood = 0;
            _consecutiveBad = Math.Min(_consecutiveBad + 1, _raiseAfterBad);
            if (!IsDegraded && _consecutiveBad >= _raiseAfterBad)
            {
                IsDegraded = true;
                return true;
            }

            return false;
        }

        _consecutiveBad = 0;
        _consecutiveGood = Math.Min(_consecutiveGood + 1, _clearAfterGood);
        if (IsDegraded && _consecutiveGood >= _clearAfterGood)
        {
            IsDegraded = false;
            return true;
        }

        return false;
    }
}

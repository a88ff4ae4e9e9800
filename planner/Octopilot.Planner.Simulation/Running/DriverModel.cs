using Octopilot.Planner.Inputs;
using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Simulation.Scenarios;

namespace Octopilot.Planner.Simulation.Running;

/// <summary>
/// Plays a <see cref="DriverScript"/>: settings change when an event's time comes; a lane-change request is held until
/// the planner ends the procedure (Done or Cancelled), then released like a stalk let go; a resume press lasts one tick.
/// </summary>
internal sealed class DriverModel(DriverScript script, double tickS)
{
    private readonly DriverEvent[] _events = script.Events.OrderBy(e => e.AtS).ToArray();
    private int _next;
    private double _setSpeedMps = script.SetSpeedMps;
    private TimeGapSetting _timeGap = script.TimeGap;
    private bool _engaged = script.Engaged;
    private Side _laneChange;
    private bool _resume;

    public TimeGapSetting TimeGap => _timeGap;

    /// <summary>Applies the events due at tick <paramref name="tick"/> and returns this tick's inputs.</summary>
    public DriverInputs InputsAt(long tick)
    {
        _resume = false;
        while (_next < _events.Length && Ticks.At(_events[_next].AtS, tickS) <= tick)
        {
            DriverEvent e = _events[_next++];
            _setSpeedMps = e.SetSpeedMps ?? _setSpeedMps;
            _timeGap = e.TimeGap ?? _timeGap;
            _engaged = e.Engaged ?? _engaged;
            _laneChange = e.LaneChange ?? _laneChange;
            _resume |= e.Resume;
        }

        return new DriverInputs
        {
            SetSpeedMps = _setSpeedMps,
            TimeGap = _timeGap,
            Engaged = _engaged,
            LaneChangeRequest = _laneChange,
            ResumePressed = _resume,
        };
    }

    /// <summary>Lets go of the request once the procedure has ended.</summary>
    public void Observe(LaneChangeState state)
    {
        if (state is LaneChangeState.Done or LaneChangeState.Cancelled)
        {
            _laneChange = Side.None;
        }
    }
}

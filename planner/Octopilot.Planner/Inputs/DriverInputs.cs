namespace Octopilot.Planner.Inputs;

/// <summary>What the driver asks for this tick. Levels, not edges: the planner derives edges itself.</summary>
public readonly struct DriverInputs
{
    /// <summary>Turn-signal stalk. A signal alone requests a lane change to that side (the product rule).</summary>
    public Side TurnSignal { get; init; }

    /// <summary>An explicit lane-change request (button or steering nudge); wins over the turn signal when set.</summary>
    public Side LaneChangeRequest { get; init; }

    /// <summary>Cruise set speed, m/s, over ground.</summary>
    public double SetSpeedMps { get; init; }

    public TimeGapSetting TimeGap { get; init; }

    /// <summary>ACC and lane change are engaged. False: the planner commands nothing and resets its state.</summary>
    public bool Engaged { get; init; }

    /// <summary>Resume button held. The only way to leave a standstill hold.</summary>
    public bool ResumePressed { get; init; }
}
